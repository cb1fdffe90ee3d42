/// Finds the statistics in a document's text.
struct FigureExtractor: Sendable {
  /// The figures in `document`'s range of `text`, in text order.
  func figures(in text: DecodedText, document: Document) -> [Figure] {
    []
  }
}
