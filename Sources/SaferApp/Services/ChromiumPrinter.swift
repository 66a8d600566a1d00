import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Prints a pack's HTML to a tagged PDF with an outline, using headless Chromium driven over the
/// DevTools protocol on a pipe (`--remote-debugging-pipe`: Chromium reads NUL-terminated JSON
/// messages from its fd 3 and writes replies and events to its fd 4). Each call starts its own
/// browser in a temporary directory and stops it, and removes the directory, before returning.
///
/// **Agenda page numbers.** The agenda links to each report (`<a href="#item-6">`), and Chromium
/// writes a PDF named destination for every element that a link in the document targets, pointing
/// at the page object where the element's box starts. So: print once, read the catalog's `/Dests`
/// and the page tree of that PDF (`PDFPageIndex`) to get the 1-based page of each anchor, write
/// " (page N)" into the agenda's `span.page-ref` placeholders with `Runtime.evaluate`, and print
/// again. Filling the placeholders can reflow the agenda, so the second PDF is read the same way and
/// the numbers refilled until nothing changes (normally two prints; at most four). This reads the
/// positions Chromium itself laid out, in the very PDF that is returned, with one print per pass
/// however many items there are; printing each part separately would take one print per item and
/// would miss any layout effect of the parts on one another. An anchor no link targets gets a
/// hidden link first, so it has a destination too.
public struct ChromiumPrinter: Sendable {
    /// The browser executable, or nil when none was found.
    let executable: String?
    /// How long one `printPDF` may take, start to finish, before it is abandoned.
    var timeout: Duration = .seconds(60)

    /// The configured executable, or nil to look for chromium / chromium-browser / google-chrome on PATH.
    public init(path: String?) {
        if let path {
            executable = FileManager.default.isExecutableFile(atPath: path) ? path : nil
        } else {
            executable = Self.onPath(["chromium", "chromium-browser", "google-chrome"])
        }
    }

    /// Whether an executable was found.
    public var isAvailable: Bool { executable != nil }

    /// No browser to print with.
    public struct Unavailable: Error, CustomStringConvertible {
        public var description: String { "Install Chromium (apt install chromium) or set SAFER_CHROMIUM to its path to make PDFs." }
    }

    /// Printing started but did not produce a PDF.
    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }

    /// The HTML as a tagged PDF with an outline; the agenda's page references filled with the pages of `agendaAnchors`.
    /// Throws `ChromiumPrinter.Unavailable` (its description names what to install: "Install Chromium (apt install chromium) or set SAFER_CHROMIUM to its path to make PDFs.") when no browser is found, and a descriptive error when printing fails.
    public func printPDF(html: String, agendaAnchors: [String]) async throws -> Data {
        guard let executable else { throw Unavailable() }
        let timeout = self.timeout
        return try await withThrowingTaskGroup(of: Data.self) { group in
            group.addTask { try await Self.run(executable: executable, html: html, anchors: agendaAnchors) }
            group.addTask {
                try await Task.sleep(for: timeout)
                throw Failure(description: "Chromium (\(executable)) did not finish printing the PDF within \(timeout.components.seconds) seconds, so it was stopped. Try again; if it keeps happening, check the server has free memory and that '\(executable) --headless --version' runs.")
            }
            // Whichever finishes first wins; cancelling the print makes it stop its browser, and the
            // group waits for that before returning.
            defer { group.cancelAll() }
            guard let pdf = try await group.next() else { throw CancellationError() }
            return pdf
        }
    }

    static func run(executable: String, html: String, anchors: [String]) async throws -> Data {
        let browser = try await BrowserProcess.launch(executable: executable)
        do {
            let devTools = DevTools(browser)
            let pdf = try await devTools.printWithPageNumbers(html: html, anchors: anchors)
            _ = try? await devTools.call("Browser.close", session: nil)
            // A new task, so the wait for the browser to exit is not cut short by cancellation.
            await Task { await browser.stop(grace: .seconds(5)) }.value
            return pdf
        } catch {
            await Task { await browser.stop(grace: .zero) }.value
            throw error
        }
    }

    static func onPath(_ names: [String]) -> String? {
        let directories = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin").split(separator: ":")
        for name in names {
            for directory in directories where FileManager.default.isExecutableFile(atPath: "\(directory)/\(name)") {
                return "\(directory)/\(name)"
            }
        }
        return nil
    }
}

// MARK: - The print job

/// One conversation with the browser. Used by one task only, one command at a time: each reply is
/// matched by id, and events that arrive meanwhile are kept until someone waits for them.
private final class DevTools {
    private let browser: BrowserProcess
    private var incoming: AsyncStream<Data>.Iterator
    private var lastID = 0
    private var events: [[String: Any]] = []
    private var sessionID: String?

    init(_ browser: BrowserProcess) {
        self.browser = browser
        incoming = browser.messages.makeAsyncIterator()
    }

    func printWithPageNumbers(html: String, anchors: [String]) async throws -> Data {
        try await open(html: html)
        if !anchors.isEmpty {
            let missing = try await evaluate(Self.linkAnchors, argument: anchors) as? [String]
            guard let missing else { throw ChromiumPrinter.Failure(description: "Chromium did not report which agenda items it found. Check that this Chromium (\(browser.executable)) is version 120 or later.") }
            if !missing.isEmpty {
                throw ChromiumPrinter.Failure(description: "The agenda refers to \(missing.joined(separator: ", ")), which is not in the pack, so its page number cannot be printed. Please report this to the Safer support team.")
            }
        }
        var pdf = try await printOnce()
        var prints = 1
        while try await fillPageNumbers(anchors: anchors, from: pdf) {
            guard prints < 4 else {
                throw ChromiumPrinter.Failure(description: "The agenda's page numbers kept changing each time the pack was printed, so the PDF was not made. Try shortening the agenda summaries, then print again.")
            }
            pdf = try await printOnce()
            prints += 1
        }
        return pdf
    }

    /// Writes the page on which each anchor starts in `pdf` into the agenda; whether any number changed.
    private func fillPageNumbers(anchors: [String], from pdf: Data) async throws -> Bool {
        let pages = try ChromiumPrinter.PDFPageIndex(pdf).destinationPages().filter { anchors.contains($0.key) }
        let notFound = anchors.filter { pages[$0] == nil }
        if !notFound.isEmpty {
            throw ChromiumPrinter.Failure(description: "Chromium printed the PDF but did not say on which page \(notFound.joined(separator: ", ")) starts, so the agenda's page numbers cannot be filled in. Check that this Chromium (\(browser.executable)) is version 120 or later.")
        }
        let changed = try await evaluate(Self.fillPageNumbers, argument: pages) as? Int
        guard let changed else { throw ChromiumPrinter.Failure(description: "Chromium did not report filling in the agenda's page numbers. Check that this Chromium (\(browser.executable)) is version 120 or later.") }
        return changed > 0
    }

    /// Opens the HTML from a file (so the page has a proper URL) and waits for it to load.
    private func open(html: String) async throws {
        let file = browser.directory.appendingPathComponent("pack.html")
        do { try Data(html.utf8).write(to: file) } catch {
            throw ChromiumPrinter.Failure(description: "The pack could not be written to \(file.path) for printing: \(error.localizedDescription). Check the temporary directory has free space.")
        }
        let target = try await call("Target.createTarget", ["url": "about:blank"], session: nil)
        guard let targetID = target["targetId"] as? String else { throw unexpected("Target.createTarget", target) }
        let attached = try await call("Target.attachToTarget", ["targetId": targetID, "flatten": true], session: nil)
        guard let session = attached["sessionId"] as? String else { throw unexpected("Target.attachToTarget", attached) }
        sessionID = session
        _ = try? await call("Inspector.enable")  // so a crashed page is reported rather than waited for
        _ = try await call("Page.enable")
        _ = try await call("Page.setLifecycleEventsEnabled", ["enabled": true])
        let navigation = try await call("Page.navigate", ["url": file.absoluteString])
        if let error = navigation["errorText"] as? String {
            throw ChromiumPrinter.Failure(description: "Chromium could not open the pack to print it (\(error)).")
        }
        // Page.loadEventFired says nothing about which document loaded, and about:blank's own load can
        // arrive after Page.enable; the lifecycle event names the navigation it belongs to.
        let loader = navigation["loaderId"] as? String
        try await waitForEvent("Page.lifecycleEvent") { $0["name"] as? String == "load" && (loader == nil || $0["loaderId"] as? String == loader) }
    }

    private func printOnce() async throws -> Data {
        let result = try await call("Page.printToPDF", [
            "printBackground": true,
            "preferCSSPageSize": true,
            "generateTaggedPDF": true,
            "generateDocumentOutline": true,
            // The running header and the page numbers are the document's own (CSS @page margin
            // boxes), so a browser's print of the HTML and this PDF look the same.
            "displayHeaderFooter": false,
        ])
        guard let base64 = result["data"] as? String, let pdf = Data(base64Encoded: base64) else { throw unexpected("Page.printToPDF", result) }
        return pdf
    }

    /// Gives every anchor a link (hidden if the page has none) so Chromium writes a named
    /// destination for it; returns the anchors that are not in the document.
    private static let linkAnchors = """
        (anchors) => {
          const linked = new Set([...document.querySelectorAll('a[href^="#"]')].map(a => a.getAttribute('href').slice(1)));
          const holder = document.createElement('div');
          holder.hidden = true;
          for (const id of anchors) {
            if (document.getElementById(id) && !linked.has(id)) {
              const link = document.createElement('a');
              link.setAttribute('href', '#' + id);
              holder.append(link);
            }
          }
          if (holder.childElementCount > 0) document.body.append(holder);
          return anchors.filter(id => !document.getElementById(id));
        }
        """

    /// Writes " (page N)" into each placeholder; returns how many changed.
    private static let fillPageNumbers = """
        (pages) => {
          let changed = 0;
          for (const span of document.querySelectorAll('span.page-ref[data-anchor]')) {
            const page = pages[span.dataset.anchor];
            const text = page ? ' (page ' + page + ')' : '';
            if (span.textContent !== text) { span.textContent = text; changed += 1; }
          }
          return changed;
        }
        """

    /// Calls a JavaScript function in the page with a JSON argument and returns its result.
    private func evaluate(_ function: String, argument: Any) async throws -> Any? {
        let json = String(decoding: try JSONSerialization.data(withJSONObject: argument), as: UTF8.self)
        let result = try await call("Runtime.evaluate", ["expression": "(\(function))(\(json))", "returnByValue": true])
        if let exception = result["exceptionDetails"] as? [String: Any] {
            let text = ((exception["exception"] as? [String: Any])?["description"] as? String) ?? (exception["text"] as? String) ?? "unknown"
            throw ChromiumPrinter.Failure(description: "Filling in the agenda's page numbers failed in Chromium: \(text).")
        }
        return (result["result"] as? [String: Any])?["value"]
    }

    // MARK: Messages

    /// Sends a command (to the page's session unless `session` is given as nil) and returns its result.
    func call(_ method: String, _ params: [String: Any] = [:]) async throws -> [String: Any] {
        try await call(method, params, session: sessionID)
    }

    func call(_ method: String, _ params: [String: Any] = [:], session: String?) async throws -> [String: Any] {
        lastID += 1
        let id = lastID
        var message: [String: Any] = ["id": id, "method": method, "params": params]
        if let session { message["sessionId"] = session }
        try browser.send(JSONSerialization.data(withJSONObject: message))
        while true {
            let reply = try await next()
            guard reply["id"] as? Int == id else { events.append(reply); continue }
            if let error = reply["error"] as? [String: Any] {
                throw ChromiumPrinter.Failure(description: "Chromium refused \(method): \(error["message"] as? String ?? "no reason given"). Check that this Chromium (\(browser.executable)) is version 120 or later.")
            }
            return reply["result"] as? [String: Any] ?? [:]
        }
    }

    private func waitForEvent(_ method: String, where matches: ([String: Any]) -> Bool) async throws {
        func isIt(_ message: [String: Any]) -> Bool {
            message["method"] as? String == method && matches(message["params"] as? [String: Any] ?? [:])
        }
        if let index = events.firstIndex(where: isIt) { events.removeSubrange(...index); return }
        events.removeAll()
        while true {
            let message = try await next()
            if isIt(message) { return }
        }
    }

    /// The next message from the browser. Every event passes through here, so a crash is noticed
    /// whatever is being waited for.
    private func next() async throws -> [String: Any] {
        guard let data = await incoming.next() else {
            try Task.checkCancellation()
            throw ChromiumPrinter.Failure(description: "Chromium (\(browser.executable)) stopped before the PDF was printed.\(browser.logTail())")
        }
        guard let message = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw ChromiumPrinter.Failure(description: "Chromium (\(browser.executable)) sent a message that is not JSON; it may not support --remote-debugging-pipe. Use Chromium 120 or later.")
        }
        switch message["method"] as? String {
        case "Inspector.targetCrashed", "Target.targetCrashed":
            throw ChromiumPrinter.Failure(description: "Chromium's page crashed while printing the pack, usually for lack of memory. Try again when the server is less busy.")
        default:
            return message
        }
    }

    private func unexpected(_ method: String, _ result: [String: Any]) -> ChromiumPrinter.Failure {
        ChromiumPrinter.Failure(description: "Chromium answered \(method) with something unexpected (\(result.keys.sorted().joined(separator: ", "))). Check that this Chromium (\(browser.executable)) is version 120 or later.")
    }
}

// MARK: - The browser process

/// A headless Chromium with its own profile in a temporary directory. Our stdin pipe becomes its
/// fd 3 and our stdout pipe its fd 4 (Foundation's `Process` wires only 0, 1 and 2, so `/bin/sh`
/// moves them before exec). A dedicated thread starts it and then does the blocking reads of fd 4,
/// yielding each NUL-terminated message to `messages`, so the cooperative pool never blocks on
/// the pipe.
private final class BrowserProcess: Sendable {
    let executable: String
    let directory: URL
    let messages: AsyncStream<Data>
    private let process: Process
    private let toBrowser: FileHandle
    private let log: URL

    /// Starts the browser from a new thread, which then reads its messages until it exits. The
    /// thread clears its signal mask first: threads of the concurrency pool block most signals,
    /// and `Process` passes the mask on, so a browser started from one could not be stopped by SIGTERM.
    static func launch(executable: String) async throws -> BrowserProcess {
        try await withCheckedThrowingContinuation { started in
            let thread = Thread {
                var none = sigset_t()
                sigemptyset(&none)
                pthread_sigmask(SIG_SETMASK, &none, nil)
                let replies = Pipe()
                let (messages, continuation) = AsyncStream.makeStream(of: Data.self)
                do {
                    started.resume(returning: try BrowserProcess(executable: executable, replies: replies, messages: messages))
                } catch {
                    started.resume(throwing: error)
                    return
                }
                readMessages(from: replies.fileHandleForReading.fileDescriptor, into: continuation)
                try? replies.fileHandleForReading.close()
            }
            thread.name = "Chromium DevTools pipe"
            thread.start()
        }
    }

    private init(executable: String, replies: Pipe, messages: AsyncStream<Data>) throws {
        ignoreSIGPIPE()
        self.executable = executable
        self.messages = messages
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("safer-pdf-\(UUID().uuidString)")
        log = directory.appendingPathComponent("chromium.log")
        let commands = Pipe()
        toBrowser = commands.fileHandleForWriting
        process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = [
            "-c", "exec \"$0\" \"$@\" 3<&0 4>&1 </dev/null >/dev/null", executable,
            "--headless", "--no-sandbox", "--disable-gpu", "--remote-debugging-pipe",
            "--user-data-dir=\(directory.appendingPathComponent("profile").path)",
            "--no-first-run", "--no-default-browser-check", "--disable-extensions", "--disable-sync",
            "--disable-background-networking", "--disable-component-update", "--disable-dev-shm-usage",
            "--hide-scrollbars", "--mute-audio", "about:blank",
        ]
        process.standardInput = commands
        process.standardOutput = replies
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            _ = FileManager.default.createFile(atPath: log.path, contents: nil)
            process.standardError = try FileHandle(forWritingTo: log)
            try process.run()
        } catch {
            try? FileManager.default.removeItem(at: directory)
            throw ChromiumPrinter.Failure(description: "Chromium (\(executable)) could not be started: \(error.localizedDescription). Check the path and that the temporary directory is writable.")
        }
    }

    /// Blocking reads until Chromium closes its end (it exits) or the read fails.
    private static func readMessages(from descriptor: Int32, into continuation: AsyncStream<Data>.Continuation) {
        var pending = Data()
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { break }
            var start = 0
            while let end = buffer[start..<count].firstIndex(of: 0) {
                pending.append(contentsOf: buffer[start..<end])
                continuation.yield(pending)
                pending = Data()
                start = end + 1
            }
            pending.append(contentsOf: buffer[start..<count])
        }
        continuation.finish()
    }

    func send(_ message: Data) throws {
        do { try toBrowser.write(contentsOf: message + [0]) } catch {
            throw ChromiumPrinter.Failure(description: "Chromium (\(executable)) stopped before the PDF was printed.\(logTail())")
        }
    }

    /// Waits up to `grace` for the browser to exit by itself, then asks it to stop (SIGTERM) and
    /// finally kills it (SIGKILL); `Process` reaps it. Then removes the temporary directory.
    func stop(grace: Duration) async {
        try? toBrowser.close()
        if await !exited(within: grace) {
            process.terminate()
            if await !exited(within: .seconds(2)) {
                kill(process.processIdentifier, SIGKILL)
                _ = await exited(within: .seconds(2))
            }
        }
        try? FileManager.default.removeItem(at: directory)
    }

    private func exited(within limit: Duration) async -> Bool {
        let clock = ContinuousClock()
        let deadline = clock.now + limit
        while process.isRunning {
            if clock.now >= deadline { return false }
            try? await Task.sleep(for: .milliseconds(20))
        }
        return true
    }

    /// The last lines Chromium wrote to stderr, for error messages.
    func logTail() -> String {
        guard let text = try? String(contentsOf: log, encoding: .utf8) else { return "" }
        let lines = text.split(whereSeparator: \.isNewline).filter { !$0.contains("dbus") }.suffix(5)
        return lines.isEmpty ? "" : " Chromium said: " + lines.joined(separator: " / ")
    }
}

/// Writing to a pipe whose reader has gone raises SIGPIPE, which would end the server; ignored,
/// the write fails with EPIPE instead. (SwiftNIO does the same for its sockets.)
private let sigpipeIgnored: Bool = {
    _ = signal(SIGPIPE, SIG_IGN)
    return true
}()

private func ignoreSIGPIPE() { _ = sigpipeIgnored }

// MARK: - Reading the PDF

extension ChromiumPrinter {
    /// Just enough of a PDF reader for the PDFs Chromium (Skia) writes: a classic cross-reference
    /// table, uncompressed dictionaries, the page tree and the catalog's `/Dests` dictionary.
    struct PDFPageIndex {
        private let bytes: [UInt8]
        private var offsets: [Int: Int] = [:]
        private var trailer: [String: PDFValue] = [:]

        enum PDFValue {
            case number(Double), name(String), string([UInt8]), reference(Int), keyword(String)
            indirect case array([PDFValue])
            indirect case dictionary([String: PDFValue])
        }

        static func unreadable(_ reason: String) -> Failure {
            Failure(description: "The PDF Chromium printed could not be read to find the agenda's page numbers (\(reason)). Check that Chromium is version 120 or later.")
        }

        init(_ pdf: Data) throws {
            bytes = [UInt8](pdf)
            let marker = Array("startxref".utf8)
            guard let at = (0...max(0, bytes.count - marker.count)).reversed().first(where: { bytes[$0..<$0 + marker.count].elementsEqual(marker) }) else {
                throw PDFPageIndex.unreadable("no startxref")
            }
            var scanner = Scanner(bytes: bytes, position: at + marker.count)
            scanner.position = try scanner.integer()
            guard scanner.keyword() == "xref" else { throw PDFPageIndex.unreadable("no cross-reference table") }
            while true {
                let save = scanner.position
                if scanner.keyword() == "trailer" {
                    guard case .dictionary(let dictionary) = try scanner.value() else { throw PDFPageIndex.unreadable("bad trailer") }
                    trailer = dictionary
                    break
                }
                scanner.position = save
                let first = try scanner.integer(), count = try scanner.integer()
                for number in first..<first + count {
                    let offset = try scanner.integer()
                    _ = try scanner.integer()
                    if scanner.keyword() == "n" { offsets[number] = offset }
                }
            }
        }

        /// The 1-based page on which each named destination lies.
        func destinationPages() throws -> [String: Int] {
            guard case .dictionary(let catalog) = try resolve(trailer["Root"]) else { throw PDFPageIndex.unreadable("no catalog") }
            var pages: [Int] = []
            try collectPages(catalog["Pages"], into: &pages, depth: 0)
            guard case .dictionary(let dests) = try resolve(catalog["Dests"]) else { return [:] }
            var result: [String: Int] = [:]
            for (name, value) in dests {
                var destination = try resolve(value)
                if case .dictionary(let wrapped) = destination { destination = try resolve(wrapped["D"]) }
                if case .array(let items) = destination, case .reference(let page)? = items.first,
                   let index = pages.firstIndex(of: page) {
                    result[name] = index + 1
                }
            }
            return result
        }

        private func collectPages(_ node: PDFValue?, into pages: inout [Int], depth: Int) throws {
            guard depth < 32, case .reference(let number)? = node, case .dictionary(let dictionary) = try resolve(node) else {
                throw PDFPageIndex.unreadable("bad page tree")
            }
            if case .array(let kids)? = dictionary["Kids"] {
                for kid in kids { try collectPages(kid, into: &pages, depth: depth + 1) }
            } else {
                pages.append(number)
            }
        }

        private func resolve(_ value: PDFValue?) throws -> PDFValue? {
            guard case .reference(let number)? = value else { return value }
            guard let offset = offsets[number] else { return nil }
            var scanner = Scanner(bytes: bytes, position: offset)
            _ = try scanner.integer()
            _ = try scanner.integer()
            guard scanner.keyword() == "obj" else { throw PDFPageIndex.unreadable("object \(number) not found") }
            return try scanner.value()
        }

        private struct Scanner {
            let bytes: [UInt8]
            var position: Int

            static func isSpace(_ byte: UInt8) -> Bool { byte == 32 || byte == 10 || byte == 13 || byte == 9 || byte == 12 || byte == 0 }
            static func isDelimiter(_ byte: UInt8) -> Bool {
                switch byte {
                case UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "["), UInt8(ascii: "]"),
                     UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: "/"), UInt8(ascii: "%"): return true
                default: return false
                }
            }
            static func isRegular(_ byte: UInt8) -> Bool { !isSpace(byte) && !isDelimiter(byte) }

            mutating func skipSpace() {
                while position < bytes.count {
                    if Self.isSpace(bytes[position]) { position += 1 }
                    else if bytes[position] == UInt8(ascii: "%") {
                        while position < bytes.count, bytes[position] != 10, bytes[position] != 13 { position += 1 }
                    } else { break }
                }
            }

            mutating func token() -> [UInt8] {
                skipSpace()
                let start = position
                while position < bytes.count, Self.isRegular(bytes[position]) { position += 1 }
                return Array(bytes[start..<position])
            }

            mutating func keyword() -> String { String(decoding: token(), as: UTF8.self) }

            mutating func integer() throws -> Int {
                guard let value = Int(String(decoding: token(), as: UTF8.self)) else { throw PDFPageIndex.unreadable("number expected at \(position)") }
                return value
            }

            mutating func value() throws -> PDFValue {
                skipSpace()
                guard position < bytes.count else { throw PDFPageIndex.unreadable("unexpected end") }
                switch bytes[position] {
                case UInt8(ascii: "<") where position + 1 < bytes.count && bytes[position + 1] == UInt8(ascii: "<"):
                    position += 2
                    var dictionary: [String: PDFValue] = [:]
                    while true {
                        skipSpace()
                        if position + 1 < bytes.count, bytes[position] == UInt8(ascii: ">"), bytes[position + 1] == UInt8(ascii: ">") { position += 2; return .dictionary(dictionary) }
                        guard case .name(let key) = try value() else { throw PDFPageIndex.unreadable("dictionary key expected at \(position)") }
                        dictionary[key] = try value()
                    }
                case UInt8(ascii: "<"):
                    guard let end = bytes[position...].firstIndex(of: UInt8(ascii: ">")) else { throw PDFPageIndex.unreadable("unterminated hex string") }
                    defer { position = end + 1 }
                    return .string(Array(bytes[position + 1..<end]))
                case UInt8(ascii: "["):
                    position += 1
                    var items: [PDFValue] = []
                    while true {
                        skipSpace()
                        if position < bytes.count, bytes[position] == UInt8(ascii: "]") { position += 1; return .array(items) }
                        items.append(try value())
                    }
                case UInt8(ascii: "("):
                    return .string(try literalString())
                case UInt8(ascii: "/"):
                    position += 1
                    return .name(Self.decodeName(token()))
                default:
                    let start = position
                    let word = token()
                    guard !word.isEmpty else { throw PDFPageIndex.unreadable("unexpected character at \(start)") }
                    guard let number = Double(String(decoding: word, as: UTF8.self)) else { return .keyword(String(decoding: word, as: UTF8.self)) }
                    // "12 0 R" is a reference to object 12.
                    let after = position
                    if let object = Int(String(decoding: word, as: UTF8.self)), Int(String(decoding: token(), as: UTF8.self)) != nil, token() == Array("R".utf8) {
                        return .reference(object)
                    }
                    position = after
                    return .number(number)
                }
            }

            /// A (string) with balanced parentheses and backslash escapes; only skipped over, so escapes are kept.
            mutating func literalString() throws -> [UInt8] {
                let start = position + 1
                var depth = 0
                while position < bytes.count {
                    switch bytes[position] {
                    case UInt8(ascii: "\\"): position += 1
                    case UInt8(ascii: "("): depth += 1
                    case UInt8(ascii: ")"):
                        depth -= 1
                        if depth == 0 { position += 1; return Array(bytes[start..<position - 1]) }
                    default: break
                    }
                    position += 1
                }
                throw PDFPageIndex.unreadable("unterminated string")
            }

            /// A name's bytes with #xx escapes decoded, as UTF-8.
            static func decodeName(_ raw: [UInt8]) -> String {
                var decoded: [UInt8] = []
                var index = 0
                while index < raw.count {
                    if raw[index] == UInt8(ascii: "#"), index + 2 < raw.count,
                       let byte = UInt8(String(decoding: raw[index + 1...index + 2], as: UTF8.self), radix: 16) {
                        decoded.append(byte)
                        index += 3
                    } else {
                        decoded.append(raw[index])
                        index += 1
                    }
                }
                return String(decoding: decoded, as: UTF8.self)
            }
        }
    }
}
