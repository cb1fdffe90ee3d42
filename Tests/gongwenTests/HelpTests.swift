import Testing

@testable import gongwen

@Suite("Command-line conventions: help, version, usage errors, exit codes")
struct HelpTests {
  @Test("help parse prints exactly the text of parse --help, to stdout, exit 0")
  func helpParse() {
    let help = CLI.run(["help", "parse"])
    let flag = CLI.run(["parse", "--help"])
    let short = CLI.run(["parse", "-h"])
    #expect(help.status == 0 && flag.status == 0 && short.status == 0)
    #expect(help.out == flag.out && short.out == flag.out)
    #expect(flag.err.isEmpty)
    #expect(flag.outText.hasPrefix("OVERVIEW: Parse files"))
    #expect(flag.outText.contains("\nUSAGE: gongwen parse "))
    #expect(flag.outText.contains("  --files-from <file>"))
  }

  @Test("--help and -h on every subcommand go to stdout with exit 0", arguments: Gongwen.commands.map { $0.name })
  func everySubcommand(_ name: String) {
    for flag in ["--help", "-h"] {
      let run = CLI.run([name, flag])
      #expect(run.status == 0)
      #expect(run.outText.hasPrefix("OVERVIEW: "))
      #expect(run.err.isEmpty)
      #expect(CLI.run(["help", name]).out == run.out)
    }
  }

  @Test("the overview lists the subcommands and closes with the help hint")
  func overview() {
    let run = CLI.run(["--help"])
    #expect(run.status == 0)
    #expect(run.outText.contains("USAGE: gongwen <subcommand>"))
    #expect(run.outText.contains("\n  parse "))
    #expect(run.outText.hasSuffix("See 'gongwen help <subcommand>' for detailed help.\n"))
  }

  @Test("--version everywhere")
  func version() {
    #expect(CLI.run(["--version"]).outText == "gongwen \(Gongwen.version)\n")
    #expect(CLI.run(["parse", "--version"]).outText == "gongwen \(Gongwen.version)\n")
  }

  @Test("an unknown option: error, usage line and help hint on stderr, exit 2")
  func unknownOption() {
    let run = CLI.run(["parse", "--ouput", "x.json"])
    #expect(run.status == 2)
    #expect(run.out.isEmpty)
    #expect(run.errText == """
      error: unknown option '--ouput'
      Usage: \(ParseCommand.usage)
        See 'gongwen parse --help' for more information.

      """)
  }

  @Test("short options: bundled flags (-rq), attached values (-j2), --name=value")
  func shortOptions() throws {
    let parsed = try ParsedArguments.parse(
      ["-rq0", "-j2", "--format=jsonl", "-o", "x.json", "a.txt", "--", "-b.txt"], specs: ParseCommand.allOptions)
    #expect(parsed.has("recursive") && parsed.has("quiet") && parsed.has("null"))
    #expect(parsed.value("jobs") == "2")
    #expect(parsed.value("format") == "jsonl")
    #expect(parsed.value("output") == "x.json")
    #expect(parsed.positional == ["a.txt", "-b.txt"])
  }

  @Test("invalid values are usage errors", arguments: [
    ["parse", "--jobs", "0"], ["parse", "--jobs", "many"], ["parse", "--max-size", "big"],
    ["parse", "--format", "xml"], ["parse", "--color", "purple"], ["parse", "-o"],
    ["parse", "--files-from", "-", "--files-from", "-"], ["frobnicate"],
  ])
  func invalidValues(_ arguments: [String]) {
    let run = CLI.run(arguments)
    #expect(run.status == 2)
    #expect(run.errText.hasPrefix("error: "))
    #expect(run.out.isEmpty)
  }
}
