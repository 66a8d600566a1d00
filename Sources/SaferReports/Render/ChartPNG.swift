import Foundation

/// The 12-month trend line as a PNG picture, for formats that cannot hold SVG (the DOCX pack).
/// It has no words in it: the document around it gives the alternative text and the table of
/// figures. Drawn and encoded here with Foundation only: an RGB canvas, then a PNG whose zlib
/// stream holds stored (uncompressed) deflate blocks; the DOCX archive compresses it anyway.
public enum ChartPNG {
    /// A PNG of the line chart: grid, axes, the baseline dashed, the series broken where a value is
    /// missing, and a dot at each known point. The same points always give the same bytes.
    public static func render(points: [TrendChartSVG.Point], baseline: Double?, width: Int = 720, height: Int = 320) -> Data {
        var canvas = Canvas(width: max(width, 1), height: max(height, 1))
        let left = 24.0, right = 16.0, top = 16.0, bottom = 24.0
        let plotW = Double(canvas.width) - left - right, plotH = Double(canvas.height) - top - bottom
        // The same scale as the SVG, so the two pictures of one series look alike.
        let values = points.compactMap(\.value) + (baseline.map { [$0] } ?? [])
        let maxValue = TrendChartSVG.niceCeiling(values.max() ?? 1)
        func x(_ index: Int) -> Double { points.count <= 1 ? left + plotW / 2 : left + plotW * Double(index) / Double(points.count - 1) }
        func y(_ value: Double) -> Double { top + plotH * (1 - value / max(maxValue, 1)) }

        for step in 0...4 {
            let yy = y(maxValue * Double(step) / 4)
            canvas.line(from: (left, yy), to: (left + plotW, yy), width: 1, colour: .grid)
        }
        canvas.line(from: (left, top), to: (left, top + plotH), width: 2, colour: .axis)
        canvas.line(from: (left, top + plotH), to: (left + plotW, top + plotH), width: 2, colour: .axis)
        if let baseline, baseline.isFinite {
            var start = left
            while start < left + plotW {
                canvas.line(from: (start, y(baseline)), to: (min(start + 6, left + plotW), y(baseline)), width: 2, colour: .baseline)
                start += 12
            }
        }
        // The line breaks where a 12-month total is incomplete, rather than dropping to zero.
        var previous: (x: Double, y: Double)?
        for (index, point) in points.enumerated() {
            guard let value = point.value, value.isFinite else { previous = nil; continue }
            let here = (x: x(index), y: y(value))
            if let previous { canvas.line(from: previous, to: here, width: 3, colour: .series) }
            previous = here
        }
        for (index, point) in points.enumerated() {
            if let value = point.value, value.isFinite { canvas.dot(at: (x(index), y(value)), radius: 4, colour: .series) }
        }
        return canvas.png()
    }

    // MARK: - Drawing

    /// A colour as 0–255 channels, as doubles for blending.
    struct Colour {
        let r: Double, g: Double, b: Double
        init(_ hex: UInt32) { r = Double(hex >> 16 & 0xFF); g = Double(hex >> 8 & 0xFF); b = Double(hex & 0xFF) }
        static let background = Colour(0xFFFFFF)
        static let grid = Colour(0xB1B4B6)
        static let axis = Colour(0x0B0C0C)
        static let baseline = Colour(0x505A5F)
        static let series = Colour(0x1D70B8)
    }

    /// Pixels, three bytes each, drawn on with anti-aliased strokes: a pixel takes as much of the
    /// colour as its centre lies inside the shape (within half a pixel of the edge).
    struct Canvas {
        let width: Int, height: Int
        var pixels: [UInt8]

        init(width: Int, height: Int) {
            self.width = width
            self.height = height
            pixels = [UInt8](repeating: 0xFF, count: width * height * 3)
        }

        /// A straight stroke with round ends.
        mutating func line(from a: (x: Double, y: Double), to b: (x: Double, y: Double), width lineWidth: Double, colour: Colour) {
            let half = lineWidth / 2
            let dx = b.x - a.x, dy = b.y - a.y, lengthSquared = dx * dx + dy * dy
            paint(minX: min(a.x, b.x) - half, maxX: max(a.x, b.x) + half, minY: min(a.y, b.y) - half, maxY: max(a.y, b.y) + half,
                  colour: colour) { px, py in
                let t = lengthSquared == 0 ? 0 : min(max(((px - a.x) * dx + (py - a.y) * dy) / lengthSquared, 0), 1)
                let cx = a.x + t * dx - px, cy = a.y + t * dy - py
                return half + 0.5 - (cx * cx + cy * cy).squareRoot()
            }
        }

        /// A filled circle.
        mutating func dot(at centre: (x: Double, y: Double), radius: Double, colour: Colour) {
            paint(minX: centre.x - radius, maxX: centre.x + radius, minY: centre.y - radius, maxY: centre.y + radius, colour: colour) { px, py in
                radius + 0.5 - ((px - centre.x) * (px - centre.x) + (py - centre.y) * (py - centre.y)).squareRoot()
            }
        }

        /// Blends `colour` into the pixels of the box, each by the coverage `inside` gives its centre (clamped to 0...1).
        private mutating func paint(minX: Double, maxX: Double, minY: Double, maxY: Double, colour: Colour,
                                    inside: (Double, Double) -> Double) {
            let x0 = max(Int((minX - 1).rounded(.down)), 0), x1 = min(Int((maxX + 1).rounded(.up)), width - 1)
            let y0 = max(Int((minY - 1).rounded(.down)), 0), y1 = min(Int((maxY + 1).rounded(.up)), height - 1)
            guard x0 <= x1, y0 <= y1 else { return }
            for py in y0...y1 {
                for px in x0...x1 {
                    let coverage = min(max(inside(Double(px) + 0.5, Double(py) + 0.5), 0), 1)
                    guard coverage > 0 else { continue }
                    let i = (py * width + px) * 3
                    blend(i, colour.r, coverage)
                    blend(i + 1, colour.g, coverage)
                    blend(i + 2, colour.b, coverage)
                }
            }
        }

        private mutating func blend(_ index: Int, _ channel: Double, _ coverage: Double) {
            let old = Double(pixels[index])
            pixels[index] = UInt8((old + (channel - old) * coverage).rounded())
        }

        // MARK: - PNG

        /// The canvas as an 8-bit RGB PNG: signature, IHDR, one IDAT, IEND.
        func png() -> Data {
            var header = Data()
            header.appendBigEndian(UInt32(width))
            header.appendBigEndian(UInt32(height))
            header.append(contentsOf: [8, 2, 0, 0, 0])  // 8 bits a channel, RGB, deflate, adaptive filters, no interlace
            var scanlines = [UInt8]()
            scanlines.reserveCapacity(height * (width * 3 + 1))
            for row in 0..<height {
                scanlines.append(0)  // filter: none
                scanlines.append(contentsOf: pixels[row * width * 3..<(row + 1) * width * 3])
            }
            var png = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
            png.appendChunk("IHDR", header)
            png.appendChunk("IDAT", ChartPNG.zlibStored(scanlines))
            png.appendChunk("IEND", Data())
            return png
        }
    }

    // MARK: - Encoding

    /// A zlib stream (RFC 1950) holding the bytes in stored deflate blocks (RFC 1951, BTYPE 00) of at
    /// most 65,535 bytes each, then their Adler-32.
    static func zlibStored(_ bytes: [UInt8]) -> Data {
        var out = Data([0x78, 0x01])  // deflate, 32K window, no dictionary, fastest; 0x7801 is a multiple of 31
        var start = 0
        repeat {
            let end = min(start + 65_535, bytes.count)
            let length = UInt16(end - start)
            out.append(end == bytes.count ? 1 : 0)  // BFINAL on the last block
            out.append(contentsOf: [UInt8(length & 0xFF), UInt8(length >> 8), UInt8(~length & 0xFF), UInt8(~length >> 8)])
            out.append(contentsOf: bytes[start..<end])
            start = end
        } while start < bytes.count
        out.appendBigEndian(adler32(bytes))
        return out
    }

    /// The zlib checksum of the uncompressed bytes.
    static func adler32(_ bytes: [UInt8]) -> UInt32 {
        var a: UInt32 = 1, b: UInt32 = 0
        // 5,552 bytes is the most that can be summed before the 32-bit sums could overflow.
        var index = 0
        while index < bytes.count {
            let end = min(index + 5_552, bytes.count)
            for byte in bytes[index..<end] { a += UInt32(byte); b += a }
            a %= 65_521
            b %= 65_521
            index = end
        }
        return b << 16 | a
    }

    /// The CRC-32 PNG puts after each chunk (the polynomial zlib and ZIP use).
    static func crc32<Bytes: Sequence<UInt8>>(_ bytes: Bytes) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes { crc = crcTable[Int((crc ^ UInt32(byte)) & 0xFF)] ^ (crc >> 8) }
        return crc ^ 0xFFFF_FFFF
    }

    private static let crcTable: [UInt32] = (0..<256).map { n in
        var c = UInt32(n)
        for _ in 0..<8 { c = c & 1 == 1 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
        return c
    }
}

extension Data {
    fileprivate mutating func appendBigEndian(_ value: UInt32) {
        append(contentsOf: [UInt8(value >> 24), UInt8(value >> 16 & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value & 0xFF)])
    }

    /// A PNG chunk: length, type, data, and the CRC-32 of type and data.
    fileprivate mutating func appendChunk(_ type: String, _ data: Data) {
        appendBigEndian(UInt32(data.count))
        let typed = Data(type.utf8) + data
        append(typed)
        appendBigEndian(ChartPNG.crc32(typed))
    }
}
