/// The telemarketing record (電話行銷紀錄, O2.2.1, O2.4.1) filled in after a call.
public struct TelemarketingRecord: Sendable, Hashable, Codable {
    public var disposition: Disposition?
    public var products: [String]
    /// When the customer asked to be called back, as the agent wrote it.
    public var callbackTime: String?
    public var notes: String

    public init(disposition: Disposition? = nil, products: [String] = [], callbackTime: String? = nil, notes: String = "") {
        self.disposition = disposition
        self.products = products
        self.callbackTime = callbackTime
        self.notes = notes
    }
}

/// The complaint record form (客訴紀錄表, O2.3.1).
public struct ComplaintRecordForm: Sendable, Hashable, Codable {
    public var category: ComplaintCategory?
    /// What the customer complained about: what, when, which order or bill.
    public var keyPoints: String
    public var remedy: String
    /// The supervisor or unit the case went to, when escalated.
    public var escalatedTo: String?
    public var followUpDate: String?

    public init(category: ComplaintCategory? = nil, keyPoints: String = "", remedy: String = "",
                escalatedTo: String? = nil, followUpDate: String? = nil) {
        self.category = category
        self.keyPoints = keyPoints
        self.remedy = remedy
        self.escalatedTo = escalatedTo
        self.followUpDate = followUpDate
    }
}

/// The customer contact record (顧客資料聯繫紀錄, O2.5.1): details the customer updated in the call.
public struct ContactRecord: Sendable, Hashable, Codable {
    public var phone: String?
    public var address: String?
    public var email: String?

    public init(phone: String? = nil, address: String? = nil, email: String? = nil) {
        self.phone = phone
        self.address = address
        self.email = email
    }

    public var isEmpty: Bool { [phone, address, email].allSatisfy { ($0 ?? "").isEmpty } }
}

/// Everything written after one call. A form left out was skipped.
public struct WrapUp: Sendable, Hashable, Codable {
    public var telemarketing: TelemarketingRecord?
    public var complaint: ComplaintRecordForm?
    public var contact: ContactRecord?

    public init(telemarketing: TelemarketingRecord? = nil, complaint: ComplaintRecordForm? = nil, contact: ContactRecord? = nil) {
        self.telemarketing = telemarketing
        self.complaint = complaint
        self.contact = contact
    }
}
