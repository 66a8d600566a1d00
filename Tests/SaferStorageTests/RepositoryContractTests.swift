import Foundation
import SQLKit
import Testing
import SaferDomain
@testable import SaferStorage
import SaferTestSupport

/// The repository contract, written once and run on every engine available: SQLite always,
/// PostgreSQL whenever SAFER_TEST_POSTGRES_URL is set (CI always sets it).
@Suite("Repository contract")
struct RepositoryContractTests {
    static let engines = TestEngine.available

    @Test(arguments: engines)
    func creatingAnAccountStoresItAndAuditsEveryField(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { database async throws in
            let services = makeTestServices(database)
            let user = try await services.accounts.addUser(email: " Officer@Example.org ", name: "Ann Officer", role: "officer",
                                                           organisation: nil, password: TestData.password, by: .cli("tester"))
            #expect(user.email == "officer@example.org")
            let found = try await services.storage.users.find(email: "OFFICER@example.ORG")
            #expect(found?.id == user.id)
            #expect(found?.role == .officer)
            let entries = try await services.storage.auditLog.list(AuditFilter(entity: "user"))
            #expect(entries.count == 1)
            #expect(entries[0].action == .create)
            #expect(entries[0].actor.channel == .cli)
            #expect(entries[0].changes.first { $0.field == "email" }?.after == "officer@example.org")
            #expect(entries[0].changes.first { $0.field == "password" }?.after == "(set)", "the hash itself is never logged")
        }
    }

    @Test(arguments: engines)
    func aSecondAccountWithTheSameAddressIsRefusedAndNothingIsStored(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { database async throws in
            let services = makeTestServices(database)
            try await services.accounts.addUser(email: "a@example.org", name: "A", role: "officer", organisation: nil,
                                                password: TestData.password, by: .system)
            await #expect(throws: DomainError.self) {
                try await services.accounts.addUser(email: "A@EXAMPLE.ORG", name: "B", role: "admin", organisation: nil,
                                                    password: TestData.password, by: .system)
            }
            #expect(try await services.storage.users.list().count == 1)
            #expect(try await services.storage.auditLog.count(AuditFilter()) == 1)
        }
    }

    @Test(arguments: engines)
    func updatingAnAccountAuditsOnlyTheChangedFields(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { database async throws in
            let services = makeTestServices(database)
            let user = try await services.accounts.addUser(email: "p@example.org", name: "Pat", role: "officer", organisation: nil,
                                                           password: TestData.password, by: .system)
            try await services.accounts.updateUser(id: user.id, email: user.email, name: "Pat Smith", role: "councillor",
                                                   organisation: nil, disabled: false, by: .cli("tester"))
            try await services.accounts.setPassword(email: user.email, password: "another long password", by: .cli("tester"))
            let updates = try await services.storage.auditLog.list(AuditFilter(entity: "user", action: .update))
            #expect(updates.count == 2)
            let passwordChange = updates[0], detailChange = updates[1]
            #expect(passwordChange.changes == [FieldChange(field: "password", before: "(set)", after: "(changed)")])
            #expect(Set(detailChange.changes.map(\.field)) == ["name", "role"])
            #expect(detailChange.changes.first { $0.field == "role" }?.before == "officer")
        }
    }

    @Test(arguments: engines)
    func aFailedChangeLeavesNeitherTheRecordNorItsAuditEntry(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { database async throws in
            let services = makeTestServices(database)
            // The organisation does not exist, so the foreign key fails inside the transaction.
            let user = User(id: "u1", email: "x@example.org", name: "X", role: .partner, organisationID: "no-such-org",
                            passwordHash: "h", createdAt: Date())
            await #expect(throws: (any Error).self) { try await services.storage.users.create(user, by: .system) }
            #expect(try await services.storage.users.find(id: "u1") == nil)
            #expect(try await services.storage.auditLog.count(AuditFilter()) == 0)
        }
    }

    @Test(arguments: engines)
    func organisationsAreUniqueByNameWhateverTheCase(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { database async throws in
            let services = makeTestServices(database)
            try await services.storage.organisations.create(Organisation(id: "o1", name: "Hartshill Parish Council", kind: .parish), by: .system)
            await #expect(throws: DomainError.self) {
                try await services.storage.organisations.create(Organisation(id: "o2", name: "HARTSHILL parish council", kind: .parish), by: .system)
            }
            try await services.storage.organisations.update(Organisation(id: "o1", name: "Hartshill Parish Council", kind: .other), by: .system)
            #expect(try await services.storage.organisations.find(name: "hartshill parish council")?.kind == .other)
            let update = try await services.storage.auditLog.list(AuditFilter(entity: "organisation", action: .update))
            #expect(update.first?.changes == [FieldChange(field: "kind", before: "parish", after: "other")])
        }
    }

    @Test(arguments: engines)
    func sessionsExpireAndEndTogetherForAnAccount(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { database async throws in
            let services = makeTestServices(database)
            let users = try await TestData.seedAccounts(services)
            let now = Date(timeIntervalSince1970: 1_552_348_800)
            let sessions = services.storage.sessions
            try await sessions.create(Session(tokenHash: "a", userID: users[.officer]!.id, csrfToken: "c", createdAt: now, expiresAt: now + 60))
            try await sessions.create(Session(tokenHash: "b", userID: users[.officer]!.id, csrfToken: "c", createdAt: now, expiresAt: now + 3600))
            #expect(try await sessions.find(tokenHash: "a", at: now + 59) != nil)
            #expect(try await sessions.find(tokenHash: "a", at: now + 60) == nil, "a session ends at its expiry instant")
            try await sessions.deleteAll(userID: users[.officer]!.id)
            #expect(try await sessions.find(tokenHash: "b", at: now) == nil)
        }
    }

    @Test(arguments: engines)
    func apiTokensAreFoundByHashUntilRevoked(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { database async throws in
            let services = makeTestServices(database)
            try await TestData.seedAccounts(services)
            let (token, record) = try await services.accounts.createToken(email: TestData.email(.field), name: "Crew phone 3", by: .cli("t"))
            #expect(token.hasPrefix("sft_"))
            #expect(record.tokenHash != token, "only the hash is stored")
            let used = try await services.storage.apiTokens.use(tokenHash: record.tokenHash, at: Date(timeIntervalSince1970: 1_600_000_000))
            #expect(used?.id == record.id)
            let listed = try await services.storage.apiTokens.list(userID: record.userID)
            #expect(listed.first?.lastUsedAt == Date(timeIntervalSince1970: 1_600_000_000))
            #expect(try await services.storage.apiTokens.use(tokenHash: "wrong", at: Date()) == nil)
        }
    }

    @Test(arguments: engines)
    func signInAttemptsAreCountedOneAfterAnotherEvenInParallel(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { database async throws in
            let attempts = makeTestServices(database).storage.loginAttempts
            let start = Date(timeIntervalSince1970: 1_552_348_800), keys = ["account:a|client:1", "client:1"]
            // 12 increments at once: each sees the one before it, none is lost.
            let seen = try await withThrowingTaskGroup(of: Int.self) { group in
                for _ in 0..<12 {
                    group.addTask {
                        try await attempts.update(keys: keys, now: start) { states in
                            var state = states["client:1"]!
                            state.attempts += 1
                            return (["client:1": state, "account:a|client:1": state], state.attempts)
                        }
                    }
                }
                return try await group.reduce(into: [Int]()) { $0.append($1) }
            }
            #expect(seen.sorted() == Array(1...12))
            let stored = try await attempts.update(keys: keys, now: start) { states in ([:], states.mapValues(\.attempts)) }
            #expect(stored == ["client:1": 12, "account:a|client:1": 12])
            // A day later an idle key is gone.
            let later = try await attempts.update(keys: ["client:2"], now: start + 86_401) { states in ([:], states.count) }
            #expect(later == 1)
            let again = try await attempts.update(keys: keys, now: start + 86_401) { states in ([:], states["client:1"]!.attempts) }
            #expect(again == 0)
        }
    }

    @Test(arguments: engines)
    func keysIdleForADayAreClearedWithoutLosingAnAttemptInParallel(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { database async throws in
            let attempts = makeTestServices(database).storage.loginAttempts
            let names = (1...6).map { "client:\($0)" }
            // Each round comes a day after the last, so every attempt also clears out the keys the
            // round before left idle, while other attempts are using those same keys again.
            for round in 0..<4 {
                let now = Date(timeIntervalSince1970: 1_552_348_800 + Double(round) * 100_000)
                let picks = (0..<16).map { attempt in (0..<3).map { names[(attempt + $0 * (round + 2)) % names.count] } }
                let complete = try await withThrowingTaskGroup(of: Bool.self) { group in
                    for keys in picks {
                        group.addTask {
                            try await attempts.update(keys: keys, now: now) { states in
                                let seen = Set(keys).isSubset(of: states.keys)
                                // As the throttle does: a state from before the day starts again.
                                let counted = states.mapValues { state in
                                    now.timeIntervalSince(state.windowStart) < 86_400
                                        ? LoginThrottleState(attempts: state.attempts + 1, windowStart: state.windowStart, nextAt: now)
                                        : LoginThrottleState(attempts: 1, windowStart: now, nextAt: now)
                                }
                                return (counted, seen)
                            }
                        }
                    }
                    return try await group.reduce(true) { $0 && $1 }
                }
                #expect(complete, "every attempt sees a row for each of its keys (round \(round))")
                let counts = try await attempts.states(keys: names).mapValues(\.attempts)
                let expected = Dictionary(picks.flatMap { Set($0) }.map { ($0, 1) }, uniquingKeysWith: +)
                #expect(counts == expected, "round \(round): no attempt lost, idle keys start again from nothing")
            }
        }
    }

    @Test(arguments: engines)
    func theAuditLogFiltersAndCannotBeChanged(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { database async throws in
            let services = makeTestServices(database)
            try await TestData.seedAccounts(services)
            #expect(try await services.storage.auditLog.count(AuditFilter(entity: "organisation")) == 2)
            #expect(try await services.storage.auditLog.count(AuditFilter(entity: "user")) == Role.allCases.count)
            #expect(try await services.storage.auditLog.count(AuditFilter(actorLabel: "SAF")) == Role.allCases.count + 2)
            #expect(try await services.storage.auditLog.list(AuditFilter(limit: 3)).count == 3)
            await #expect(throws: (any Error).self) {
                try await database.sql.raw("UPDATE audit_log SET actor_label = 'someone else'").run()
            }
            await #expect(throws: (any Error).self) {
                try await database.sql.raw("DELETE FROM audit_log").run()
            }
            #expect(try await services.storage.auditLog.count(AuditFilter()) == Role.allCases.count + 2)
        }
    }
}

@Suite("Migrations")
struct MigrationTests {
    @Test(arguments: TestEngine.available)
    func migratingTwiceAppliesNothingTheSecondTime(engine: TestEngine) async throws {
        try await TestDatabase.with(engine, migrate: false) { database async throws in
            let first = try await Migrator(database: database).migrate()
            #expect(first.map(\.number) == Migrations.all.map(\.number))
            #expect(try await Migrator(database: database).migrate().isEmpty)
        }
    }

    @Test(arguments: TestEngine.available)
    func aDatabaseWhoseHistoryDiffersIsRefused(engine: TestEngine) async throws {
        try await TestDatabase.with(engine, migrate: false) { database async throws in
            let migrator = Migrator(database: database, migrations: Array(Migrations.all.prefix(1)))
            try await migrator.migrate()
            try await database.sql.update("safer_migrations").set("name", to: "something-else").where("number", .equal, 1).run()
            await #expect(throws: MigrationOrderError.self) { try await Migrator(database: database).migrate() }
        }
    }

    @Test(arguments: TestEngine.available)
    func aDatabaseFromANewerVersionIsRefused(engine: TestEngine) async throws {
        try await TestDatabase.with(engine, migrate: false) { database async throws in
            try await Migrator(database: database).migrate()
            try await database.sql.insert(into: "safer_migrations").columns("number", "name", "applied_at")
                .values(SQLBind(999), SQLBind("from-the-future"), SQLBind(0)).run()
            let error = await #expect(throws: MigrationOrderError.self) { try await Migrator(database: database).pending() }
            #expect(error?.description.contains("newer version") == true)
        }
    }
}

@Suite("Database URLs")
struct DatabaseURLTests {
    @Test func pathsAndSQLiteURLsAreSQLite() throws {
        #expect(try DatabaseURL(parsing: "data/safer.sqlite") == .sqlite(path: "data/safer.sqlite"))
        #expect(try DatabaseURL(parsing: "sqlite:///var/lib/safer.sqlite") == .sqlite(path: "/var/lib/safer.sqlite"))
    }

    @Test func postgresURLsKeepTheirTextButHideThePassword() throws {
        let url = try DatabaseURL(parsing: "postgres://safer:s3cret@db.example:5432/safer?tlsmode=disable")
        #expect(url == .postgres(url: "postgres://safer:s3cret@db.example:5432/safer?tlsmode=disable"))
        #expect(url.description == "postgres://safer:***@db.example:5432/safer?tlsmode=disable")
    }

    @Test func otherSchemesAndEmptyTextAreRejectedWithAReason() {
        #expect(throws: ValidationError.self) { try DatabaseURL(parsing: "mysql://x@y/z") }
        #expect(throws: ValidationError.self) { try DatabaseURL(parsing: "  ") }
        #expect(throws: ValidationError.self) { try DatabaseURL(parsing: "postgres://nohost") }
    }

    @Test func anUnreachableServerIsNamedWithItsPasswordMasked() async throws {
        // Port 1 on loopback: nothing listens there, so the connection is refused at once.
        let error = await #expect(throws: DatabaseOpenError.self) {
            _ = try await SaferDatabase.open(.postgres(url: "postgres://u:topsecret@127.0.0.1:1/db?tlsmode=disable"))
        }
        #expect(error?.description.contains("***") == true)
        #expect(error?.description.contains("topsecret") == false)
    }
}

@Suite("SQLite readers and writer")
struct SQLiteReadersTests {
    @Test func aReportReadsWhileAWriteTransactionIsOpen() async throws {
        try await TestDatabase.with(.sqlite) { database async throws in
            try await database.sql.raw("CREATE TABLE things (n INTEGER)").run()
            try await database.sql.raw("INSERT INTO things VALUES (1)").run()
            let (inside, opened) = AsyncStream<Void>.makeStream()
            let (finished, read) = AsyncStream<Int>.makeStream()
            // While the transaction holds the writer, a read outside it is answered by a reader
            // connection, from the last committed state.
            let reading = Task {
                for await _ in inside { break }
                let count = try await database.sql.raw("SELECT COUNT(*) AS n FROM things").first(decodingColumn: "n", as: Int.self)
                read.yield(count ?? -1)
            }
            let order = try await database.transaction { sql in
                try await sql.raw("INSERT INTO things VALUES (2)").run()
                opened.yield()
                return await withTaskGroup(of: Int?.self) { group in
                    group.addTask { for await count in finished { return count }; return nil }
                    group.addTask { try? await Task.sleep(for: .seconds(30)); return nil }   // a guard against a hang
                    defer { group.cancelAll() }
                    return await group.next() ?? nil
                }
            }
            try await reading.value
            #expect(order == 1, "the read finished inside the transaction and saw only committed rows")
            let count = try await database.sql.raw("SELECT COUNT(*) AS n FROM things").first(decodingColumn: "n", as: Int.self)
            #expect(count == 2, "after the commit a reader sees it")
            await #expect(throws: (any Error).self, "readers are read-only") {
                try await (database.sql as! SQLitePoolDatabase).readers.withConnection { $0.query("INSERT INTO things VALUES (3)") }.get()
            }
        }
    }
}
