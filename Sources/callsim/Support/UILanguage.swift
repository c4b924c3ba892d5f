import CallsimCore
import Foundation

/// The language of callsim's own words (menus, help, messages), which may differ from a call's language.
enum UILanguage {
    /// `--lang` when given, else the locale: LC_ALL, then LC_MESSAGES, then LANG; `zh…` means zh-TW.
    static func resolve(option: Language?, environment: [String: String] = ProcessInfo.processInfo.environment) -> Language {
        if let option { return option }
        for variable in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            if let value = environment[variable], !value.isEmpty {
                return value.lowercased().hasPrefix("zh") ? .zhTW : .en
            }
        }
        return .en
    }
}

/// Every user-interface string of the call screen, in both languages, in one table.
enum UIText {
    case pickerTitle, pickerPrompt, pickerInvalid, pickerNoScenarios
    case briefTitle, briefProduct, briefPrice, briefOffers, briefLimits, briefCustomer, briefCompany, briefAgent, briefDirection
    case directionOutbound, directionInbound
    case seedLine, ringing, incomingCall, connected
    case agentPrompt, helpText, unknownCommand, lineTooLong, lineHasControlCharacters
    case confirmHangUp, confirmAnswer, keepTalking
    case noteKept, notesEmpty, notesTitle
    case noHint, hintTitle
    case transcriptTitle, transcriptEmpty
    case scriptTitle, scriptEmpty
    case callEnded, customerHungUp, agentHungUp, leftWithoutScore
    case scorecardTitle
    case timeSeconds

    func text(_ language: Language) -> String {
        let pair: (zh: String, en: String)
        switch self {
        case .pickerTitle: pair = ("選擇練習情境", "Choose a scenario")
        case .pickerPrompt: pair = ("輸入編號或代號（Tab 補完）：", "Number or id (Tab completes): ")
        case .pickerInvalid: pair = ("沒有這個情境：%@。請輸入清單中的編號或代號。", "No such scenario: %@. Enter a number or an id from the list.")
        case .pickerNoScenarios: pair = ("找不到任何內建情境。", "No built-in scenarios were found.")
        case .briefTitle: pair = ("活動簡報", "Campaign brief")
        case .briefProduct: pair = ("產品", "Product")
        case .briefPrice: pair = ("價格", "Price")
        case .briefOffers: pair = ("優惠", "Offers")
        case .briefLimits: pair = ("授權範圍", "Policy limits")
        case .briefCustomer: pair = ("客戶資料", "Customer record")
        case .briefCompany: pair = ("公司", "Company")
        case .briefAgent: pair = ("專員", "Agent")
        case .briefDirection: pair = ("通話類型", "Call")
        case .directionOutbound: pair = ("外撥", "outbound")
        case .directionInbound: pair = ("來電", "inbound")
        case .seedLine: pair = ("亂數種子 %@（用 --seed %@ 可重播同一通電話）", "Seed %@ (replay this call with --seed %@)")
        case .ringing: pair = ("嘟……嘟……", "Ringing…")
        case .incomingCall: pair = ("來電中……", "Incoming call…")
        case .connected: pair = ("已接通。輸入 /help 查看指令。", "Connected. Type /help for commands.")
        case .agentPrompt: pair = ("您", "You")
        case .helpText: pair = (
            """
            直接輸入文字就是您（專員）說的話。指令：
              /help        顯示這份說明
              /brief       再看一次活動簡報
              /script      通話腳本的各階段與示範句
              /notes 文字  記下筆記（結束後填寫紀錄用）；只打 /notes 顯示筆記
              /hint        提示下一步
              /transcript  目前為止的對話
              /hangup      掛斷電話並看評分
              /quit        離開（不評分）
            Tab 補完指令；↑↓ 叫出先前說過的話；Ctrl-C 詢問是否掛斷；Ctrl-D 掛斷。
            """,
            """
            Whatever you type is your (the agent's) line. Commands:
              /help        show this help
              /brief       show the campaign brief again
              /script      the call script's stages with model lines
              /notes TEXT  keep a note for the wrap-up; /notes alone shows them
              /hint        a hint for what to do next
              /transcript  the call so far
              /hangup      hang up and see the scorecard
              /quit        leave without a scorecard
            Tab completes commands; Up/Down recall earlier lines; Ctrl-C asks before hanging up; Ctrl-D hangs up.
            """)
        case .unknownCommand: pair = ("沒有 %@ 這個指令。可用指令：%@", "Unknown command %@. Commands: %@")
        case .lineTooLong: pair = ("這句太長了（%@ 個字元，上限 %@），沒有送出。請說短一點。", "That line is too long (%@ characters, limit %@) and was not sent. Say it in shorter lines.")
        case .lineHasControlCharacters: pair = ("這句含有控制字元或無效的位元組，沒有送出。", "That line holds control characters or invalid bytes and was not sent.")
        case .confirmHangUp: pair = ("要掛斷電話嗎？(y/n) ", "Hang up? (y/n) ")
        case .confirmAnswer: pair = ("請回答 y 或 n。", "Please answer y or n.")
        case .keepTalking: pair = ("通話繼續。", "The call goes on.")
        case .noteKept: pair = ("已記下筆記。", "Note kept.")
        case .notesEmpty: pair = ("還沒有筆記。用 /notes 文字 記下。", "No notes yet. Keep one with /notes TEXT.")
        case .notesTitle: pair = ("筆記", "Notes")
        case .noHint: pair = ("目前沒有提示。", "No hint right now.")
        case .hintTitle: pair = ("提示", "Hint")
        case .transcriptTitle: pair = ("通話紀錄", "Transcript")
        case .transcriptEmpty: pair = ("還沒有對話。", "Nothing said yet.")
        case .scriptTitle: pair = ("通話腳本", "Call script")
        case .scriptEmpty: pair = ("這個情境沒有通話腳本。", "This scenario has no call script.")
        case .callEnded: pair = ("通話結束：%@", "Call ended: %@")
        case .customerHungUp: pair = ("（客戶掛斷了電話）", "(The customer hung up.)")
        case .agentHungUp: pair = ("（您掛斷了電話）", "(You hung up.)")
        case .leftWithoutScore: pair = ("已離開，這通電話不評分。", "Left the call; it is not scored.")
        case .scorecardTitle: pair = ("評分", "Scorecard")
        case .timeSeconds: pair = ("%@ 秒", "%@ s")
        }
        return language == .zhTW ? pair.zh : pair.en
    }

    /// The text with each `%@` replaced, in order, by an argument.
    func text(_ language: Language, _ arguments: String...) -> String {
        var result = ""
        var remaining = arguments[...]
        var rest = Substring(text(language))
        while let range = rest.range(of: "%@") {
            result += rest[..<range.lowerBound]
            result += remaining.popFirst() ?? ""
            rest = rest[range.upperBound...]
        }
        return result + rest
    }
}

/// A persona's temperament in the user's language (unknown words are shown as they are).
func temperamentLabel(_ temperament: String, _ language: Language) -> String {
    guard language == .zhTW else { return temperament }
    switch temperament {
    case "friendly": return "友善"
    case "hostile": return "不耐煩、有敵意"
    case "hesitant": return "猶豫不決"
    case "busy": return "忙碌"
    case "complaining": return "抱怨"
    case "skeptical": return "多疑"
    case "talkative": return "健談"
    default: return temperament
    }
}

extension CallOutcome {
    func label(_ language: Language) -> String {
        switch (self, language) {
        case (.sale, .zhTW): "成交"
        case (.sale, .en): "sale"
        case (.noSale, .zhTW): "未成交"
        case (.noSale, .en): "no sale"
        case (.dnc, .zhTW): "客戶要求不再來電"
        case (.dnc, .en): "do not call"
        case (.callback, .zhTW): "約定回電"
        case (.callback, .en): "callback"
        case (.hangup, .zhTW): "掛斷"
        case (.hangup, .en): "hang-up"
        case (.resolved, .zhTW): "問題已解決"
        case (.resolved, .en): "resolved"
        case (.escalated, .zhTW): "轉交主管"
        case (.escalated, .en): "escalated"
        }
    }
}
