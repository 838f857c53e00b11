import WardSimHTTP

extension RouteTable {
    /// Cohorts and their instructors. Administrators only.
    mutating func addAdminCohortRoutes(_ app: WardSimApplication) {
        struct NewCohortBody: Decodable { let name: String }
        struct InstructorsBody: Decodable { let instructorIds: [Int64] }
        struct CohortsBody: Encodable { let cohorts: [CohortService.CohortView] }
        struct CohortBody: Encodable { let cohort: CohortService.CohortView }

        add(.get, "/api/admin/cohorts", .admin) { _, _ in
            .json(CohortsBody(cohorts: try app.cohorts.list()))
        }
        add(.post, "/api/admin/cohorts", .admin) { request, context in
            let body = try request.decode(NewCohortBody.self)
            let cohort = try app.cohorts.create(
                name: body.name, by: AuditActor(user: context.requireUser(), request: request))
            return .json(CohortBody(cohort: cohort), status: 201)
        }
        add(.put, "/api/admin/cohorts/{id}/instructors", .admin) { request, context in
            guard let id = Int64(request.parameter("id")) else { throw HTTPError.notFound("There is no such cohort.") }
            let body = try request.decode(InstructorsBody.self)
            let cohort = try app.cohorts.setInstructors(
                cohortID: id, instructorIDs: body.instructorIds,
                by: AuditActor(user: context.requireUser(), request: request))
            return .json(CohortBody(cohort: cohort))
        }
    }
}
