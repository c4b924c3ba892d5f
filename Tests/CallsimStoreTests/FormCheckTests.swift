import CallsimCore
import Testing

@Suite struct ContactDetailsTests {
    @Test(arguments: [
        ("我的新手機是 0912-345-678", "0912345678"),
        ("號碼改成０９１２３４５６７８", "0912345678"),
        ("請打零九一二三四五六七八", "0912345678"),
        ("+886 912 345 678 is my number", "0912345678"),
        ("call me at (02) 2345-6789", "0223456789"),
    ])
    func phonesAreFoundAndNormalised(text: String, expected: String) {
        #expect(ContactDetails.phones(in: text) == [expected])
    }

    @Test func datesAmountsAndOrderNumbersAreNotPhones() {
        #expect(ContactDetails.phones(in: "帳單 2026-05-12 多收了 NT$300，訂單 A12345678") == [])
    }

    @Test(arguments: [
        ("email 是 Lin.Mei@Example.com 喔", "lin.mei@example.com"),
        ("linmei 小老鼠 gmail 點 com", "linmei@gmail.com"),
        ("it's amy at example dot org", "amy@example.org"),
        ("ｌｉｎ＠ｅｘａｍｐｌｅ．ｃｏｍ", "lin@example.com"),
    ])
    func emailsAreFoundAndNormalised(text: String, expected: String) {
        #expect(ContactDetails.emails(in: text) == [expected])
    }

    @Test func addressesAreRecognised() {
        #expect(ContactDetails.mentionsAddress("新地址是台北市信義區松仁路100號5樓"))
        #expect(ContactDetails.mentionsAddress("I moved to 12 Baker Street"))
        #expect(!ContactDetails.mentionsAddress("我住台北"))
    }
}

@Suite struct TextUnitsTests {
    @Test func chineseNumbersBecomeDigits() {
        #expect(TextUnits.convertChineseNumbers("多收了三百元") == "多收了300元")
        #expect(TextUnits.convertChineseNumbers("五月的帳單") == "5月的帳單")
        #expect(TextUnits.convertChineseNumbers("一直不通") == "一直不通")
    }

    @Test func unitsDropFunctionWords() {
        let units = TextUnits.units("我的帳單多收了300元！")
        #expect(units.contains("帳單"))
        #expect(units.contains("300"))
        #expect(!units.contains("我的"))
        #expect(TextUnits.units("The bill was charged twice") == ["bill", "charg", "twice"])
    }
}

@Suite struct WrapUpCheckTests {
    let complaintTurns = [
        Turn(speaker: .customer, text: "喂，我要客訴！"),
        Turn(speaker: .agent, text: "您好，這裡是遠星電信客服，敝姓王。"),
        Turn(speaker: .customer, text: "我五月的帳單多收了三百元，而且網路一直斷線，太扯了。"),
        Turn(speaker: .agent, text: "造成您的困擾真的很抱歉。"),
        Turn(speaker: .customer, text: "以後帳單寄到 linmei@example.com，電話改成 0912-345-678。"),
    ]

    func status(_ checks: [FormCheck], _ id: String) -> FormCheck.Status? { checks.first { $0.id == id }?.status }

    @Test func dispositionMustMatchTheEnding() {
        let context = WrapUpContext(turns: [], ending: .callback, isComplaint: false)
        let right = WrapUpChecker.check(WrapUp(telemarketing: TelemarketingRecord(disposition: .callback, callbackTime: "明天 14:00")), context: context)
        #expect(status(right, "form.disposition") == .pass)
        #expect(status(right, "form.callback_time") == .pass)
        let wrong = WrapUpChecker.check(WrapUp(telemarketing: TelemarketingRecord(disposition: .sale)), context: context)
        #expect(status(wrong, "form.disposition") == .fail)
        #expect(status(wrong, "form.sale_details") == .fail)
        let missing = WrapUpChecker.check(WrapUp(), context: context)
        #expect(status(missing, "form.disposition") == .fail)
        #expect(status(missing, "form.callback_time") == .fail)
        let interrupted = WrapUpChecker.check(WrapUp(), context: WrapUpContext(turns: [], ending: nil, isComplaint: false))
        #expect(status(interrupted, "form.disposition") == .na)
    }

    @Test func dispositionInputAcceptsCodesAndLabels() {
        #expect(Disposition(input: "no-sale") == .noSale)
        #expect(Disposition(input: "NOSALE") == .noSale)
        #expect(Disposition(input: "約定回撥") == .callback)
        #expect(Disposition(input: "ｓａｌｅ") == .sale)
        #expect(Disposition(input: "maybe") == nil)
        #expect(ComplaintCategory(input: "帳單費用") == .billing)
    }

    @Test func keyPointsMustNameWhatTheCustomerSaid() {
        let context = WrapUpContext(turns: complaintTurns, ending: .resolved, isComplaint: true)
        let good = ComplaintRecordForm(category: .billing, keyPoints: "5月帳單多收300元，網路斷線", remedy: "退還 300 元", followUpDate: "2026-12-01")
        let checks = WrapUpChecker.check(WrapUp(complaint: good), context: context)
        #expect(status(checks, "form.complaint_key_points") == .pass)
        #expect(status(checks, "form.complaint_remedy") == .pass)
        #expect(status(checks, "form.complaint_follow_up") == .pass)
        #expect(status(checks, "form.complaint_escalation") == .na)

        let vague = ComplaintRecordForm(category: .service, keyPoints: "客戶心情不好，已安撫", remedy: "")
        let vagueChecks = WrapUpChecker.check(WrapUp(complaint: vague), context: context)
        #expect(status(vagueChecks, "form.complaint_key_points") == .fail)
        #expect(status(vagueChecks, "form.complaint_remedy") == .fail)
        #expect(status(vagueChecks, "form.complaint_follow_up") == .fail)
    }

    @Test func keyPointsWorkInEnglish() {
        let turns = [
            Turn(speaker: .customer, text: "I was charged twice for order 4471 and nobody called me back!"),
            Turn(speaker: .agent, text: "I'm sorry about that."),
        ]
        let context = WrapUpContext(turns: turns, ending: .escalated, isComplaint: true)
        let form = ComplaintRecordForm(category: .billing, keyPoints: "Double charge on order 4471", remedy: "refund", escalatedTo: "", followUpDate: "tomorrow")
        let checks = WrapUpChecker.check(WrapUp(complaint: form), context: context)
        #expect(status(checks, "form.complaint_key_points") == .pass)
        #expect(status(checks, "form.complaint_escalation") == .fail)
    }

    @Test func missingComplaintFormFailsOnAComplaintCall() {
        let checks = WrapUpChecker.check(WrapUp(), context: WrapUpContext(turns: complaintTurns, ending: .resolved, isComplaint: true))
        #expect(status(checks, "form.complaint_key_points") == .fail)
        #expect(WrapUpContext.complaintLikely(turns: complaintTurns, ending: nil))
        #expect(!WrapUpContext.complaintLikely(turns: [Turn(speaker: .customer, text: "好啊，幫我辦")], ending: .sale))
    }

    @Test func updatedDetailsMustEqualWhatTheCustomerGave() {
        let context = WrapUpContext(turns: complaintTurns, ending: .resolved, isComplaint: true)
        let right = WrapUpChecker.check(WrapUp(contact: ContactRecord(phone: "０９１２ ３４５ ６７８", email: "LinMei@example.com")), context: context)
        #expect(status(right, "form.contact_phone") == .pass)
        #expect(status(right, "form.contact_email") == .pass)
        #expect(status(right, "form.contact_address") == .na)

        let wrong = WrapUpChecker.check(WrapUp(contact: ContactRecord(phone: "0912-345-687", address: "台北市", email: nil)), context: context)
        #expect(status(wrong, "form.contact_phone") == .fail)
        #expect(status(wrong, "form.contact_email") == .fail)
        #expect(status(wrong, "form.contact_address") == .fail)
    }

    @Test func addressMustMatchTheCustomerAddress() {
        let turns = [Turn(speaker: .customer, text: "我搬家了，新地址是台北市信義區松仁路100號5樓")]
        let context = WrapUpContext(turns: turns, ending: .noSale, isComplaint: false)
        let right = WrapUpChecker.check(WrapUp(contact: ContactRecord(address: "台北市信義區松仁路100號5樓")), context: context)
        #expect(status(right, "form.contact_address") == .pass)
        let wrongNumber = WrapUpChecker.check(WrapUp(contact: ContactRecord(address: "台北市信義區松仁路10號5樓")), context: context)
        #expect(status(wrongNumber, "form.contact_address") == .fail)
    }

    @Test func formScoreCountsApplicableChecks() {
        let checks = [
            FormCheck(id: "a", status: .pass, codes: [], message: "", messageZh: ""),
            FormCheck(id: "b", status: .fail, codes: [], message: "", messageZh: ""),
            FormCheck(id: "c", status: .na, codes: [], message: "", messageZh: ""),
        ]
        #expect(WrapUpChecker.score(checks) == 50)
        #expect(WrapUpChecker.score([checks[2]]) == nil)
    }
}
