extension String {
    /// Terminal columns the text takes: East Asian wide characters take two, combining marks none.
    public var displayWidth: Int {
        unicodeScalars.reduce(0) { total, scalar in
            switch scalar.value {
            case 0x1100...0x115F, 0x2E80...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
                 0xFFE0...0xFFE6, 0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x20000...0x3FFFD:
                total + 2
            case 0x0300...0x036F, 0x200B...0x200F, 0xFE00...0xFE0F:
                total
            default:
                total + 1
            }
        }
    }

    /// Pads with spaces to `columns` display columns, on the left when `right` aligned.
    public func padded(to columns: Int, right: Bool = false) -> String {
        let padding = String(repeating: " ", count: Swift.max(0, columns - displayWidth))
        return right ? padding + self : self + padding
    }
}
