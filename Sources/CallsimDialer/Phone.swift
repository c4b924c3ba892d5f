/// Phone numbers as the dialler stores them: E.164 digits in a UInt64 (886912345678, 12125551234).
public enum PhoneNumber {
    /// Accepts Taiwanese mobiles (09xxxxxxxx), landlines (0X with 7-8 more digits), +886 forms,
    /// and North American numbers (+1 NXX NXX XXXX, or ten digits). Spaces, dashes, dots and brackets are ignored.
    public static func parse(_ text: String) -> Result<UInt64, ValueError> {
        var digits = ""
        var plus = false
        var index = 0
        for byte in text.utf8 {
            defer { index += 1 }
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digits.unicodeScalars.append(Unicode.Scalar(byte))
            case UInt8(ascii: "+") where digits.isEmpty && !plus: plus = true
            case UInt8(ascii: " "), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "\t"): continue
            default:
                let shown = text.trimmingSpaces
                return .failure(ValueError("'\(shown)' is not a phone number (unexpected characters)"))
            }
        }
        guard !digits.isEmpty else { return .failure(ValueError("the phone number is empty")) }
        let national: String
        if plus {
            if digits.hasPrefix("886") {
                let rest = String(digits.dropFirst(3))
                guard isTaiwanese(national: "0" + rest) else {
                    return .failure(ValueError("'\(text)' is not a valid Taiwanese number (+886 then 9 and 8 digits for a mobile, or an area code 2-8 and 7-8 digits)"))
                }
                return number("886" + rest)
            }
            if digits.hasPrefix("1") {
                let rest = String(digits.dropFirst())
                guard isNANP(rest) else {
                    return .failure(ValueError("'\(text)' is not a valid North American number (+1, then area code and exchange starting 2-9, 10 digits)"))
                }
                return number("1" + rest)
            }
            return .failure(ValueError("'\(text)': only Taiwanese (+886) and North American (+1) numbers are supported"))
        }
        national = digits
        if national.hasPrefix("0") {
            guard isTaiwanese(national: national) else {
                return .failure(ValueError("'\(text)' is not a valid Taiwanese number (mobiles are 09 and 8 digits, landlines 0X and 7-8 digits)"))
            }
            return number("886" + national.dropFirst())
        }
        if national.count == 11, national.hasPrefix("1"), isNANP(String(national.dropFirst())) { return number(national) }
        if isNANP(national) { return number("1" + national) }
        return .failure(ValueError("'\(text)' is not a valid phone number (use 09xxxxxxxx, 0X landline, +886..., or +1 and 10 digits)"))
    }

    static func isTaiwanese(national: String) -> Bool {
        let bytes = Array(national.utf8)
        guard bytes.count >= 2, bytes[0] == UInt8(ascii: "0") else { return false }
        if bytes[1] == UInt8(ascii: "9") { return bytes.count == 10 }
        return (UInt8(ascii: "2")...UInt8(ascii: "8")).contains(bytes[1]) && (9...10).contains(bytes.count)
    }

    static func isNANP(_ digits: String) -> Bool {
        let bytes = Array(digits.utf8)
        guard bytes.count == 10 else { return false }
        return bytes[0] >= UInt8(ascii: "2") && bytes[3] >= UInt8(ascii: "2")
    }

    private static func number(_ digits: String) -> Result<UInt64, ValueError> {
        guard let value = UInt64(digits) else { return .failure(ValueError("'\(digits)' is too long for a phone number")) }
        return .success(value)
    }

    /// `+886912345678` / `+12125551234`.
    public static func format(_ number: UInt64) -> String { "+\(number)" }
}

/// UTC offsets (minutes east of UTC, standard time) of zones the dialler meets most, for when no
/// time-zone database is at hand. The command line resolves any IANA zone with the system's database.
public enum BuiltInTimeZones {
    public static let offsets: [String: Int] = [
        "Asia/Taipei": 480, "Asia/Shanghai": 480, "Asia/Hong_Kong": 480, "Asia/Tokyo": 540, "Asia/Singapore": 480,
        "America/New_York": -300, "America/Chicago": -360, "America/Denver": -420, "America/Phoenix": -420,
        "America/Los_Angeles": -480, "America/Anchorage": -540, "Pacific/Honolulu": -600, "America/Toronto": -300,
        "America/Vancouver": -480, "UTC": 0, "Etc/UTC": 0, "Europe/London": 0,
    ]

    public static func offset(_ identifier: String) -> Int? { offsets[identifier] }
}
