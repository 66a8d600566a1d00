import Foundation
import Testing
@testable import SaferDomain

@Suite("Text files given to Safer")
struct UploadedTextTests {
    func message(_ bytes: [UInt8]) -> String {
        do { _ = try UploadedText.decode(Data(bytes), name: "figures.csv"); return "" } catch { return error.description }
    }

    @Test func utf8IsReadWithOrWithoutAByteOrderMark() throws {
        #expect(try UploadedText.decode(Data("a,b\nCafé,1\n".utf8), name: "f") == "a,b\nCafé,1\n")
        #expect(try UploadedText.decode(Data([0xEF, 0xBB, 0xBF] + Array("a\n".utf8)), name: "f") == "a\n")
        #expect(try UploadedText.decode(Data("a,b\rc,d\r".utf8), name: "f") == "a,b\nc,d\n", "old Mac line ends are read as lines")
    }

    @Test func otherEncodingsAndNulBytesAreRefusedByName() {
        #expect(message(Array("a,b\nCaf".utf8) + [0xE9] + Array("\n".utf8)).contains("figures.csv is not UTF-8 text (line 2 is the first that is not"))
        #expect(message([0xFF, 0xFE] + Array("a".utf16).flatMap { [UInt8($0), 0] }).contains("is UTF-16 text"))
        #expect(message(Array("a".utf16).flatMap { [UInt8($0), 0] } + [0x0A, 0]).contains("is UTF-16 text"))
        #expect(message(Array("ab\ncd\ne".utf8) + [0]).contains("holds a NUL byte on line 3"))
    }
}
