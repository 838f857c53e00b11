import WardSimHTTP

extension RouteTable {
    /// What instructors see: the trainees of the cohorts they are assigned to (all
    /// trainees for administrators).
    mutating func addInstructorRoutes(_ app: WardSimApplication) {
        struct TraineesBody: Encodable { let trainees: [UserView] }

        add(.get, "/api/instructor/trainees", .instructor) { _, context in
            .json(TraineesBody(trainees: try app.accounts.trainees(visibleTo: context.requireUser())))
        }
    }
}
