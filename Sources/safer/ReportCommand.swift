import ArgumentParser

/// `safer report ...`: reports from the data, to standard output.
struct ReportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "report", abstract: "Reports from the data.",
                                                    subcommands: [ReportCountsCommand.self, ReportBoroughCommand.self, ReportBaselineCommand.self, ReportBeatsCommand.self, ReportPlanSummaryCommand.self, ReportDefraReturnCommand.self,
                                                                  ReportHotspotsCommand.self, ReportClustersCommand.self, ReportGiCommand.self])
}
