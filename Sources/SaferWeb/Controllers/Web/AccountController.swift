import Foundation
import Hummingbird
import SaferApp
import SaferDomain

/// A person's own account: details and password.
struct AccountController {
    let services: AppServices
    let views: Views

    struct AccountPage {
        let chrome: PageChrome
        let name: String
        let email: String
        let role: String
        let errors: ErrorSummary?
        let done: Bool
    }

    func register(on routes: SecureRoutes) {
        routes.page("/account", .signedInAny) { request, context in
            page(context, errors: [], done: request.query.get("changed") == "1")
        }
        routes.form("/account/password", .signedInAny) { _, context, form in
            let user = context.identity.user
            guard try await services.passwords.verify(form["current"] ?? "", hash: user.passwordHash) else {
                return page(context, errors: ["Your current password is not right."], done: false, status: .unprocessableContent)
            }
            let new = form["new"] ?? ""
            guard new == form["confirm"] else {
                return page(context, errors: ["The new password and its confirmation differ: type them again."], done: false, status: .unprocessableContent)
            }
            do {
                try await services.accounts.setPassword(email: user.email, password: new, by: context.identity.actor(channel: .web))
            } catch let error as ValidationError {
                return page(context, errors: error.messages, done: false, status: .unprocessableContent)
            }
            // Every session ended with the change, this one too: sign in again with the new password.
            return redirect("/login?next=%2Faccount%3Fchanged%3D1")
        }
    }

    private func page(_ context: SignedInContext, errors: [String], done: Bool, status: HTTPResponse.Status = .ok) -> Response {
        let user = context.identity.user
        return views.response("account", AccountPage(chrome: PageChrome(title: "Your account", context: context, current: nil),
                                                     name: user.name, email: user.email, role: user.role.label,
                                                     errors: ErrorSummary(errors), done: done), status: status)
    }
}
