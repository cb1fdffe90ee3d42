import Testing

@testable import gongwen
