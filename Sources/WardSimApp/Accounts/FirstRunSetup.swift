import Foundation
import WardSimCore
import WardSimSecurity
import WardSimStore

/// Creates the first administrator through a one-time link instead of a default
/// password.
///
/// On a database without users, `issueLink` stores the digest of a fresh random token
/// and returns the token, which the server prints to its own terminal. Whoever can read
/// that terminal can open `/setup?token=…` once and create the first admin; the token
/// then burns. Each start without users issues a new link and retires the old ones.
struct FirstRunSetup: Sendable {
    let accounts: AccountService
    let sessions: SessionService

    /// A new set-up token, or nil when users already exist.
    func issueToken() throws -> String? {
        try accounts.database.writeTransaction { db in
            guard try UserRepository(db).count() == 0 else { return nil }
            let tokens = SetupTokenRepository(db)
            try tokens.deleteUnused()
            let token = SecureToken.generate()
            try tokens.insert(tokenHash: TokenDigest.hex(token), at: accounts.clock.now)
            return token
        }
    }

    /// The set-up form's fields.
    struct Form: Sendable {
        var token: String
        var username: String
        var displayName: String
        var password: String
    }

    /// Creates the first admin, burns the token and signs the new admin in.
    /// 403 for an unknown token, 410 for a used one or once any user exists.
    func complete(_ form: Form, remote: String) throws -> SignIn {
        let key = TokenDigest.hex(form.token)
        let valid = try accounts.database.read { db -> AccountService.ValidAccount in
            guard SecureToken.isWellFormed(form.token), let token = try SetupTokenRepository(db).find(tokenHash: key)
            else { throw AccountError.setupLinkInvalid }
            if try token.usedAt != nil || UserRepository(db).count() > 0 { throw AccountError.setupLinkUsed }
            let (problems, valid) = try accounts.validate(
                AccountService.NewAccount(
                    username: form.username, displayName: form.displayName, role: Role.admin.rawValue, cohort: nil,
                    password: form.password), passwordRequired: true, db: db)
            guard let valid else { throw AccountError.invalid(problems) }
            return valid
        }
        let hash = try accounts.hasher.hash(valid.password!)
        return try accounts.database.writeTransaction { db in
            guard try UserRepository(db).count() == 0,
                try SetupTokenRepository(db).markUsed(tokenHash: key, at: accounts.clock.now)
            else { throw AccountError.setupLinkUsed }
            let actor = AuditActor(id: nil, name: "setup link", remote: remote)
            let user = try accounts.insert(valid, hash: hash, by: actor, db: db)
            let started = try sessions.start(userID: user.id, replacing: nil, in: db)
            try UserRepository(db).recordSignIn(userID: user.id, at: accounts.clock.now)
            return SignIn(user: try UserView.make(user, db: db), token: started.token, csrfToken: started.csrfToken)
        }
    }
}
