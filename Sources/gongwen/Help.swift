/// Help text in the shape argument-parser prints: OVERVIEW, USAGE, ARGUMENTS, OPTIONS, SUBCOMMANDS.
enum Help {
  static func overview() -> String {
    var s = """
      OVERVIEW: Turn Chinese work summaries (工作总结), above all election summaries (换届选举工作总结), into
      structured, checkable data: documents, heading trees, statistics and findings.

      With no arguments at all, gongwen summarises the shipped sample.

      USAGE: gongwen <subcommand>

      OPTIONS:
        -h, --help              Show help information.
        --version               Show the version.

      SUBCOMMANDS:

      """
    for command in Gongwen.commands {
      s += "  " + command.name.padding(toLength: 24, withPad: " ", startingAt: 0) + command.abstract + "\n"
    }
    s += "\n  See 'gongwen help <subcommand>' for detailed help.\n"
    return s
  }

  static func text(for command: any Command.Type) -> String {
    var s = "OVERVIEW: \(command.abstract)\n"
    if !command.discussion.isEmpty { s += "\n\(command.discussion)\n" }
    s += "\nUSAGE: \(command.usage)\n\nARGUMENTS:\n"
    s += "  <path>                  Files to read, or directories with -r ('-' for standard input;\n"
    s += "                          none: the shipped sample). Exit status: 0 ok, 1 findings, 2 usage or\n"
    s += "                          input errors (every input still gets a record or an error record).\n"
    s += "\nOPTIONS:\n"
    for option in command.allOptions {
      var left = option.short.map { "-\($0), " } ?? ""
      left += "--\(option.long)"
      if let value = option.valueName { left += " <\(value)>" }
      if left.count < 24 {
        s += "  " + left.padding(toLength: 24, withPad: " ", startingAt: 0) + option.help + "\n"
      } else {
        s += "  \(left)\n" + String(repeating: " ", count: 26) + option.help + "\n"
      }
    }
    return s
  }
}
