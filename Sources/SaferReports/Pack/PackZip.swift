import Foundation
import ZIPFoundation

/// The pack's files in one zip, in the order given.
public enum PackZip {
    public static func write(_ files: [(name: String, bytes: Data)]) throws -> Data {
        let archive = try Archive(accessMode: .create)
        for (name, bytes) in files {
            try archive.addEntry(with: name, type: .file, uncompressedSize: Int64(bytes.count), modificationDate: XLSXWriter.fixedDate,
                                 compressionMethod: .deflate) { position, size in
                bytes.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        guard let data = archive.data else { throw XLSXError() }
        return data
    }
}
