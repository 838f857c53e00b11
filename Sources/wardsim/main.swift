import Foundation
import WardSimApp

exit(CommandRunner.run(WardSimCommand.self, arguments: Array(CommandLine.arguments.dropFirst())))
