import Foundation

/// One check of a wrap-up form against the call it records.
public struct FormCheck: Sendable, Hashable, Codable {
    public enum Status: String, Sendable, Hashable, Codable {
        case pass, fail, na
    }

    /// A stable id such as `form.disposition`.
    public var id: String
    public var status: Status
    /// Codes of the standard the check evidences (T2.5, P2.3.5, P2.5.3, ...).
    public var codes: [String]
    public var message: String
    public var messageZh: String

    public init(id: String, status: Status, codes: [String], message: String, messageZh: String) {
        self.id = id
        self.status = status
        self.codes = codes
        self.message = message
        self.messageZh = messageZh
    }

    public func message(_ language: Language) -> String { language == .zhTW ? messageZh : message }
}

/// What the checks know of the call: its turns, how it ended, whether it was a complaint.
public struct WrapUpContext: Sendable, Hashable {
    public var turns: [Turn]
    /// nil when the call never ended (interrupted).
    public var ending: CallOutcome?
    public var isComplaint: Bool

    public init(turns: [Turn], ending: CallOutcome?, isComplaint: Bool) {
        self.turns = turns
        self.ending = ending
        self.isComplaint = isComplaint
    }

    /// A complaint call: said so, ended as one, or the customer used complaint words.
    public static func complaintLikely(turns: [Turn], ending: CallOutcome?) -> Bool {
        if ending == .resolved || ending == .escalated { return true }
        return turns.contains { $0.speaker == .customer && WrapUpChecker.hasComplaintCue($0.text) }
    }
}

/// Scores the wrap-up forms: the disposition must match how the call ended, the complaint's
/// key points must name what the customer complained about, and updated details must equal
/// those the customer gave.
public enum WrapUpChecker {
    public static let checkIDs = [
        "form.disposition", "form.callback_time", "form.sale_details",
        "form.complaint_key_points", "form.complaint_remedy", "form.complaint_escalation", "form.complaint_follow_up",
        "form.contact_phone", "form.contact_email", "form.contact_address",
    ]

    public static func check(_ wrapUp: WrapUp, context: WrapUpContext) -> [FormCheck] {
        telemarketingChecks(wrapUp.telemarketing, context: context)
            + complaintChecks(wrapUp.complaint, context: context)
            + contactChecks(wrapUp.contact, context: context)
    }

    /// The share of applicable checks passed, 0-100; nil when none applies.
    public static func score(_ checks: [FormCheck]) -> Int? {
        let applicable = checks.filter { $0.status != .na }
        guard !applicable.isEmpty else { return nil }
        let passed = applicable.filter { $0.status == .pass }.count
        return Int((Double(passed) * 100 / Double(applicable.count)).rounded())
    }

    // MARK: telemarketing record

    static func telemarketingChecks(_ record: TelemarketingRecord?, context: WrapUpContext) -> [FormCheck] {
        let codes = ["T2.5", "P2.5.1", "O2.2.1"]
        var checks: [FormCheck] = []
        let disposition = record?.disposition
        switch (context.ending, disposition) {
        case (nil, _):
            checks.append(FormCheck(id: "form.disposition", status: .na, codes: codes,
                                    message: "the call has no ending to compare with", messageZh: "通話未結束，無從比對"))
        case let (ending?, nil):
            checks.append(FormCheck(id: "form.disposition", status: .fail, codes: codes,
                                    message: "no disposition recorded; the call ended as \(Disposition(outcome: ending).label(.en))",
                                    messageZh: "未填寫通話結果；本通實際結果為「\(Disposition(outcome: ending).label(.zhTW))」"))
        case let (ending?, chosen?):
            let expected = Disposition(outcome: ending)
            if chosen.outcome == ending {
                checks.append(FormCheck(id: "form.disposition", status: .pass, codes: codes,
                                        message: "disposition \(chosen.rawValue) matches the call",
                                        messageZh: "通話結果「\(chosen.label(.zhTW))」與通話相符"))
            } else {
                checks.append(FormCheck(id: "form.disposition", status: .fail, codes: codes,
                                        message: "disposition \(chosen.rawValue), but the call ended as \(expected.rawValue)",
                                        messageZh: "填寫「\(chosen.label(.zhTW))」，但本通實際結果為「\(expected.label(.zhTW))」"))
            }
        }

        let callbackExpected = disposition == .callback || (disposition == nil && context.ending == .callback)
        if callbackExpected {
            let given = !(record?.callbackTime ?? "").trimmingCharacters(in: .whitespaces).isEmpty
            checks.append(FormCheck(id: "form.callback_time", status: given ? .pass : .fail, codes: ["P2.5.1", "O2.2.1"],
                                    message: given ? "callback time recorded" : "a callback needs the agreed time",
                                    messageZh: given ? "已記錄回撥時間" : "約定回撥須填寫回撥時間"))
        } else {
            checks.append(FormCheck(id: "form.callback_time", status: .na, codes: ["P2.5.1", "O2.2.1"],
                                    message: "no callback", messageZh: "無回撥"))
        }

        let saleExpected = disposition == .sale || (disposition == nil && context.ending == .sale)
        if saleExpected {
            let given = !(record?.products ?? []).filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }.isEmpty
            checks.append(FormCheck(id: "form.sale_details", status: given ? .pass : .fail, codes: ["P2.4.1", "O2.4.1"],
                                    message: given ? "products sold recorded" : "a sale needs the products sold",
                                    messageZh: given ? "已記錄成交產品" : "成交須填寫銷售產品"))
        } else {
            checks.append(FormCheck(id: "form.sale_details", status: .na, codes: ["P2.4.1", "O2.4.1"],
                                    message: "no sale", messageZh: "未成交"))
        }
        return checks
    }

    // MARK: complaint record form

    static let complaintCues = [
        "投訴", "客訴", "抱怨", "申訴", "不滿", "生氣", "太扯", "離譜", "誇張", "爛", "壞", "故障", "不能用", "斷線", "收訊",
        "多收", "多扣", "重複", "扣款", "退款", "退費", "賠償", "延遲", "沒送", "還沒到", "錯誤", "被騙", "態度", "卡卡", "很慢",
        "complain", "complaint", "problem", "broken", "wrong", "overcharg", "charged", "refund", "late", "never arrived",
        "terrible", "unacceptable", "angry", "upset", "disconnect", "doesn't work", "not working", "faulty", "damaged",
    ]

    static func hasComplaintCue(_ text: String) -> Bool {
        let normalized = TextUnits.normalize(text)
        return complaintCues.contains { normalized.contains($0) }
    }

    /// The customer turns that carry the complaint (with complaint words), or every
    /// substantive customer turn when none has such words.
    public static func complaintTurns(_ turns: [Turn]) -> [Turn] {
        let customer = turns.filter { $0.speaker == .customer }
        let cued = customer.filter { hasComplaintCue($0.text) }
        return cued.isEmpty ? customer.filter { TextUnits.units($0.text).count >= 2 } : cued
    }

    static func complaintChecks(_ form: ComplaintRecordForm?, context: WrapUpContext) -> [FormCheck] {
        let ids = ["form.complaint_key_points", "form.complaint_remedy", "form.complaint_escalation", "form.complaint_follow_up"]
        let codes: [String: [String]] = [
            "form.complaint_key_points": ["P2.3.2", "P2.3.5", "O2.3.1"],
            "form.complaint_remedy": ["P2.3.3", "P2.3.5", "O2.3.1"],
            "form.complaint_escalation": ["P2.3.4", "O2.3.1"],
            "form.complaint_follow_up": ["P2.3.5", "O2.3.1"],
        ]
        guard context.isComplaint else {
            return ids.map { FormCheck(id: $0, status: .na, codes: codes[$0] ?? [], message: "not a complaint call", messageZh: "非客訴通話") }
        }
        guard let form else {
            return ids.map {
                FormCheck(id: $0, status: .fail, codes: codes[$0] ?? [],
                          message: "complaint record form not filled in", messageZh: "未填寫客訴紀錄表")
            }
        }
        var checks: [FormCheck] = []

        let said = complaintTurns(context.turns).flatMap { TextUnits.units($0.text) }
        let saidSet = Set(said)
        let written = TextUnits.units(form.keyPoints)
        let shared = written.filter { saidSet.contains($0) }
        let needed = min(2, max(1, saidSet.count))
        if form.keyPoints.trimmingCharacters(in: .whitespaces).isEmpty {
            checks.append(FormCheck(id: "form.complaint_key_points", status: .fail, codes: codes["form.complaint_key_points"] ?? [],
                                    message: "key points left empty", messageZh: "未填寫客訴重點"))
        } else if shared.count >= needed {
            checks.append(FormCheck(id: "form.complaint_key_points", status: .pass, codes: codes["form.complaint_key_points"] ?? [],
                                    message: "key points name what the customer said: \(shared.prefix(6).joined(separator: ", "))",
                                    messageZh: "客訴重點符合顧客所述：\(shared.prefix(6).joined(separator: "、"))"))
        } else {
            let missing = said.filter { !Set(written).contains($0) }.prefix(6).joined(separator: ", ")
            checks.append(FormCheck(id: "form.complaint_key_points", status: .fail, codes: codes["form.complaint_key_points"] ?? [],
                                    message: "key points do not name what the customer complained about (said: \(missing))",
                                    messageZh: "客訴重點未寫出顧客抱怨的內容（顧客提到：\(missing)）"))
        }

        let remedyGiven = !form.remedy.trimmingCharacters(in: .whitespaces).isEmpty
        checks.append(FormCheck(id: "form.complaint_remedy", status: remedyGiven ? .pass : .fail,
                                codes: codes["form.complaint_remedy"] ?? [],
                                message: remedyGiven ? "remedy recorded" : "remedy offered left empty",
                                messageZh: remedyGiven ? "已記錄處理方式" : "未填寫處理方式"))

        let escalatedTo = (form.escalatedTo ?? "").trimmingCharacters(in: .whitespaces)
        if context.ending == .escalated {
            checks.append(FormCheck(id: "form.complaint_escalation", status: escalatedTo.isEmpty ? .fail : .pass,
                                    codes: codes["form.complaint_escalation"] ?? [],
                                    message: escalatedTo.isEmpty ? "the call was escalated: say to whom" : "escalated to \(escalatedTo)",
                                    messageZh: escalatedTo.isEmpty ? "本案已轉呈，須填寫轉交對象" : "已轉交：\(escalatedTo)"))
        } else {
            checks.append(FormCheck(id: "form.complaint_escalation", status: .na, codes: codes["form.complaint_escalation"] ?? [],
                                    message: "not escalated", messageZh: "未轉呈"))
        }

        let followUp = (form.followUpDate ?? "").trimmingCharacters(in: .whitespaces)
        let followUpDated = followUp.contains { $0.isNumber } || TextUnits.convertChineseNumbers(followUp).contains { $0.isNumber }
            || ["今天", "明天", "後天", "today", "tomorrow", "monday", "tuesday", "wednesday", "thursday", "friday", "週", "星期"]
                .contains { TextUnits.normalize(followUp).contains($0) }
        checks.append(FormCheck(id: "form.complaint_follow_up", status: followUpDated ? .pass : .fail,
                                codes: codes["form.complaint_follow_up"] ?? [],
                                message: followUpDated ? "follow-up on \(followUp)" : "follow-up date missing",
                                messageZh: followUpDated ? "追蹤日期：\(followUp)" : "未填寫追蹤日期"))
        return checks
    }

    // MARK: contact record

    static func contactChecks(_ record: ContactRecord?, context: WrapUpContext) -> [FormCheck] {
        let codes = ["T2.5", "P2.5.3", "O2.5.1"]
        let customerTurns = context.turns.filter { $0.speaker == .customer }
        let saidPhones = customerTurns.flatMap { ContactDetails.phones(in: $0.text) }
        let saidEmails = customerTurns.flatMap { ContactDetails.emails(in: $0.text) }
        let addressTurns = customerTurns.filter { ContactDetails.mentionsAddress($0.text) }

        func compare(id: String, field: String, fieldZh: String, written: String?, said: [String],
                     normalize: (String) -> String?) -> FormCheck {
            let entry = (written ?? "").trimmingCharacters(in: .whitespaces)
            if said.isEmpty {
                if entry.isEmpty {
                    return FormCheck(id: id, status: .na, codes: codes, message: "the customer gave no \(field)",
                                     messageZh: "顧客未提供\(fieldZh)")
                }
                return FormCheck(id: id, status: .fail, codes: codes,
                                 message: "\(field) \(entry) recorded, but the customer gave none in the call",
                                 messageZh: "記錄了\(fieldZh)「\(entry)」，但顧客在通話中並未提供")
            }
            let latest = said[said.count - 1]
            if entry.isEmpty {
                return FormCheck(id: id, status: .fail, codes: codes, message: "the customer gave \(field) \(latest); not recorded",
                                 messageZh: "顧客提供了\(fieldZh)「\(latest)」，但未更新")
            }
            guard let normalized = normalize(entry) else {
                return FormCheck(id: id, status: .fail, codes: codes, message: "\(entry) is not a valid \(field)",
                                 messageZh: "「\(entry)」不是有效的\(fieldZh)")
            }
            if normalized == latest {
                return FormCheck(id: id, status: .pass, codes: codes, message: "\(field) matches what the customer gave",
                                 messageZh: "\(fieldZh)與顧客所述相符")
            }
            if said.contains(normalized) {
                return FormCheck(id: id, status: .fail, codes: codes,
                                 message: "\(field) \(normalized) is the old one; the customer's latest is \(latest)",
                                 messageZh: "\(fieldZh)「\(normalized)」為舊資料，顧客最後提供的是「\(latest)」")
            }
            return FormCheck(id: id, status: .fail, codes: codes, message: "\(field) \(normalized) differs from the customer's \(latest)",
                             messageZh: "\(fieldZh)「\(normalized)」與顧客所述「\(latest)」不符")
        }

        var checks = [
            compare(id: "form.contact_phone", field: "phone", fieldZh: "電話", written: record?.phone, said: saidPhones,
                    normalize: ContactDetails.normalizePhone),
            compare(id: "form.contact_email", field: "e-mail", fieldZh: "電子郵件", written: record?.email, said: saidEmails,
                    normalize: ContactDetails.normalizeEmail),
        ]

        let address = (record?.address ?? "").trimmingCharacters(in: .whitespaces)
        if addressTurns.isEmpty {
            checks.append(address.isEmpty
                ? FormCheck(id: "form.contact_address", status: .na, codes: codes, message: "the customer gave no address",
                            messageZh: "顧客未提供地址")
                : FormCheck(id: "form.contact_address", status: .fail, codes: codes,
                            message: "address recorded, but the customer gave none in the call",
                            messageZh: "記錄了地址，但顧客在通話中並未提供"))
        } else if address.isEmpty {
            checks.append(FormCheck(id: "form.contact_address", status: .fail, codes: codes,
                                    message: "the customer gave an address; not recorded", messageZh: "顧客提供了地址，但未更新"))
        } else {
            let said = Set(addressTurns.flatMap { TextUnits.units($0.text) })
            let written = TextUnits.units(address)
            let numbers = written.filter { $0.allSatisfy(\.isNumber) }
            let numbersMatch = numbers.allSatisfy(said.contains)
            let share = written.isEmpty ? 0 : Double(written.filter(said.contains).count) / Double(written.count)
            let matches = numbersMatch && share >= 0.6
            checks.append(FormCheck(id: "form.contact_address", status: matches ? .pass : .fail, codes: codes,
                                    message: matches ? "address matches what the customer gave"
                                        : "address differs from what the customer gave",
                                    messageZh: matches ? "地址與顧客所述相符" : "地址與顧客所述不符"))
        }
        return checks
    }
}
