import Foundation
import SaferDomain

/// What the layout shows on every page: title, who is signed in, the navigation and the
/// form token for the sign-out form.
struct PageChrome {
    struct NavItem {
        let label: String
        let href: String
        let current: Bool
    }

    let title: String
    let signedIn: Bool
    let userName: String
    let roleLabel: String
    let csrf: String
    /// The council's name from the database, for the brand line; nil before one is set up.
    let council: String?
    let nav: [NavItem]
    var notice: String? = nil

    /// The areas of Safer, each shown to the roles that may open it.
    static let areas: [(label: String, href: String, roles: RoleSet)] = [
        ("Performance", "/performance", .signedIn),
        ("Fly-tipping", "/fly-tipping", RoleSet(.admin, .officer, .field, .partner, .councillor)),
        ("Hot spots", "/hotspots", .signedIn),
        ("Plans", "/plans", .signedIn),
        ("Meetings", "/meetings", .signedIn),
        ("Admin", "/admin", .admin),
    ]

    init(title: String, context: some PageContext, current: String?, notice: String? = nil) {
        self.title = title
        self.csrf = context.csrfToken
        self.council = context.councilName
        self.notice = notice
        if let user = context.signedInIdentity?.user {
            signedIn = true
            userName = user.name
            roleLabel = user.role.label
            nav = Self.areas.filter { $0.roles.allows(user.role) }
                .map { NavItem(label: $0.label, href: $0.href, current: $0.href == current) }
        } else {
            signedIn = false
            userName = ""
            roleLabel = ""
            nav = []
        }
    }
}

/// The problems shown at the top of a form, or nothing.
struct ErrorSummary {
    /// One problem, linked to the field it is about where there is one.
    struct Item { let text: String; let href: String? }
    let items: [Item]

    init?(_ messages: [String]) {
        self.init(items: messages.map { Item(text: $0, href: nil) })
    }

    init?(items: [Item]) {
        guard !items.isEmpty else { return nil }
        self.items = items
    }
}
