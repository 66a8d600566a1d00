import Foundation
import SQLKit

extension Migrations {
    /// Plans, their items (with their lead organisations) and quarterly updates.
    static func plans(_ db: any SQLDatabase, _ engine: SaferDatabase.Engine) async throws {
        try await db.create(table: "plans")
            .column("id", type: .text, .primaryKey(autoIncrement: false))
            .column("kind", type: .text, .notNull)                  // action, partnership, corporate, service
            .column("title", type: .text, .notNull)
            .column("financial_year", type: .text, .notNull)        // 2018/19
            .column("start_year", type: .bigint, .notNull)          // 2018, for ordering and filtering
            .column("committee", type: .text, .notNull)
            .column("source", type: .text)
            .column("previous_plan_id", type: .text, .references("plans", "id"))
            .run()
        try await db.create(index: "plans_year").on("plans").column("start_year").run()
        // A plan rolls forward once; NULLs (plans not rolled forward) do not collide on either engine.
        try await db.create(index: "plans_previous").on("plans").column("previous_plan_id").unique().run()
        try await db.create(table: "plan_items")
            .column("id", type: .text, .primaryKey(autoIncrement: false))
            .column("plan_id", type: .text, .notNull, .references("plans", "id"))
            .column("position", type: .bigint, .notNull)
            .column("number", type: .text)
            .column("description", type: .text, .notNull)
            .column("lead_as_printed", type: .text)
            .column("lead_officer", type: .text)
            .column("theme", type: .text)
            .column("priority", type: .text)
            .column("board", type: .text)
            .column("timescale_start", type: .text)                 // YYYY-MM-DD
            .column("timescale_end", type: .text)                   // YYYY-MM-DD
            .column("resources", type: .text)
            .column("measure_of_success", type: .text)
            .column("financial_implications", type: .text)
            .column("baseline", type: .text)                        // as printed
            .column("target", type: .text)                          // as printed; a plain number is numeric
            .column("indicator_key", type: .text, .references("indicators", "key"))
            .column("previous_item_id", type: .text, .references("plan_items", "id"))
            .column("year_end_decision", type: .text)               // retain, change, remove
            .column("note", type: .text)
            .run()
        try await db.create(index: "plan_items_plan").on("plan_items").column("plan_id").column("position").run()
        try await db.create(index: "plan_items_previous").on("plan_items").column("previous_item_id").run()
        // An item may have several lead organisations ("Warwickshire Police; North Warwickshire Borough Council").
        try await db.create(table: "plan_item_leads")
            .column("item_id", type: .text, .notNull, .references("plan_items", "id"))
            .column("organisation_id", type: .text, .notNull, .references("organisations", "id"))
            .column("position", type: .bigint, .notNull)
            .primaryKey("item_id", "organisation_id")
            .run()
        try await db.create(table: "plan_updates")
            .column("id", type: .text, .primaryKey(autoIncrement: false))
            .column("item_id", type: .text, .notNull, .references("plan_items", "id"))
            .column("quarter", type: .text, .notNull)               // 2018/19-Q3: sorts in time order as text
            .column("text", type: .text, .notNull)
            .column("status", type: .text)                          // green, amber, red
            .column("direction", type: .text)                       // improving, unchanged, worsening
            .column("author_id", type: .text, .references("users", "id"))
            .column("author_label", type: .text, .notNull)
            .column("date", type: .text)                            // YYYY-MM-DD
            .column("recorded_at", type: .bigint, .notNull)
            .column("reason", type: .text)
            // The suggestion at the time: enough to rebuild it exactly.
            .column("suggested_status", type: .text)
            .column("suggested_rule", type: .text)                  // pro-rata, seasonal-profile
            .column("suggested_forecast", type: double)
            .column("suggested_target", type: double)
            .column("suggested_polarity", type: .text)
            .column("suggested_threshold", type: double)
            .column("performance", type: double)
            .run()
        try await db.create(index: "plan_updates_item").on("plan_updates").column("item_id").column("quarter").run()
    }
}
