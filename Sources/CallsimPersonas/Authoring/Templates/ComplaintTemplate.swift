extension ScenarioTemplate {
    static let complaintSkeleton = """
    # {{ID}}: a scenario made with `callsim new --template complaint`.
    # Change the words, keep the shape: `callsim lint` and `callsim test` check it as you go.
    # The format and every key: Personas/README.md.
    id: {{ID}}                            # = the file name without .yaml
    title: {{title}}
    lang: {{LANG}}
    kind: complaint
    direction: inbound                    # the customer calls in and speaks first

    persona:
      name: {{name}}
      address: {{address}}
      temperament: complaining            # loses patience fast on unmatched lines and silence
      background: {{background}}
      mood: {patience: 60, trust: 30, interest: 50}
      facts:                              # told only when the agent asks
        - id: bill_details
          on: ask_details
          say: {{bill_details}}
          set: [details_given]

    campaign:
      company: {{company}}
      agent: {{agent}}
      allowed_remedies: [{{remedy}}]      # what the agent may grant without a supervisor
      costs_money: false

    script:
      - stage: {{stage_apology}}
        say: {{model_apology}}
        shows: [complaint.positive]
        after: [open]
      - stage: {{stage_remedy}}
        say: {{model_remedy}}
        shows: [complaint.resolve]
      - stage: {{stage_record}}
        say: {{model_record}}
        shows: [complaint.record]

    intents:
      - id: ask_details
        keywords: [{{kw_details}}]
        examples: [{{ex_details}}]
      - id: refuse
        keywords: [{{kw_refuse}}]

    beats:
      # Inbound: the first beat is the customer's opening complaint.
      - id: open
        say: [{{open1}}, {{open2}}]
        next: &complaint [calmer, blamed, refused, remedy_early, still_angry]
      - id: calmer
        on: [apology, empathy]
        once: true
        say: {{calmer}}
        mood: {patience: +10, trust: +10}
        next: &solving [remedy_ok, remedy_early, refused, blamed, solving_listen]
      - id: blamed
        on: blame
        say: {{blamed}}
        mood: {patience: -30, trust: -20}
      - id: still_angry
        once: true
        say: {{still_angry}}
        mood: {patience: -10}

      # Finding a solution
      - id: remedy_ok
        on: remedy
        if: flag details_given            # only once the agent knows which bill
        say: {{remedy_ok}}
        mood: {trust: +15}
        outcome: resolved                 # resolved when the call ends, unless something else happens
        next: [case_given, thanks_bye, timeline_ask]
      - id: remedy_early
        on: remedy
        if: not flag details_given
        say: {{remedy_early}}
        mood: {trust: -5}
      - id: refused
        on: refuse
        say: {{refused}}
        mood: {patience: -15}
        next: [escalated_ok, blamed, refused_again]
      - id: refused_again
        on: [refuse, remedy, apology]
        say: {{refused_again}}
        mood: {patience: -20}
      - id: solving_listen
        on: [acknowledge, paraphrase]
        say: {{solving_listen}}

      # Closing the case
      - id: case_given
        on: case_number
        say: {{case_given}}
      - id: timeline_ask
        once: true
        say: {{timeline_ask}}
      - id: thanks_bye
        on: [goodbye, thanks]
        say: {{thanks_bye}}
        end: resolved
      - id: escalated_ok
        on: escalate
        say: {{escalated_ok}}
        end: escalated

    endings:
      - {id: resolved, kind: resolved, say: {{end_resolved}}}
      - {id: escalated, kind: escalated, say: {{end_escalated}}}
      - {id: hangup_angry, kind: hangup, say: {{end_hangup}}}

    thresholds:
      - {if: patience <= 0, end: hangup_angry}

    rubric:
      pass: 60
      indicators:
        complaint.positive: 3
        complaint.key_points: 2
        complaint.resolve: 2
        complaint.escalate: 2
        complaint.record: 2
        listening.empathy: 1
        listening.acknowledge: 1
        closing.courtesy: 1

    drills:                               # callsim play {{ID}} --from after-apology
      - id: after-apology
        title: {{drill_title}}
        from: calmer
        mood: {patience: 60, trust: 40}
        flags: [details_given]

    tests:
      - name: {{test_resolved}}
        seed: 1
        agent:
          - {{a_apology}}
          - {{a_details}}
          - {{a_remedy}}
          - {{a_case}}
          - {{a_bye}}
        customer: [open, calmer, bill_details, remedy_ok, case_given, thanks_bye]
        ending: resolved
        indicators:                       # statuses the scorer must give
          complaint.positive: hit
          complaint.resolve: hit
          complaint.record: hit
        min_score: 60                     # the scorer's score, 0-100
      - name: {{test_escalated}}
        seed: 2
        agent:
          - {{a_refuse}}
          - {{a_escalate}}
        customer: [open, refused, escalated_ok]
        ending: escalated
      - name: {{test_blame}}
        seed: 3
        agent:
          - {{a_blame}}
          - {{a_blame}}
        customer: [open, blamed, hangup_angry]
        ending: hangup_angry
        indicators: {complaint.positive: violated}
      - name: {{test_drill}}
        seed: 4
        from: after-apology
        agent:
          - {{a_remedy}}
          - {{a_bye}}
        customer: [calmer, remedy_ok, thanks_bye]
        ending: resolved

    """

    static let complaintZh: [String: String] = [
        "title": "帳單重複扣款客訴（新範本）",
        "name": "張志明", "address": "張先生",
        "background": "四十歲，上個月帳單被多扣了 NT$500，已經打來第二次。",
        "bill_details": "就是十月的帳單，明明繳過了，十一月又扣一次 500 塊。",
        "company": "遠星電信", "agent": "李佳穎", "remedy": "退還重複扣款",
        "stage_apology": "致歉", "stage_remedy": "提出解決方案", "stage_record": "登記案件",
        "model_apology": "張先生，非常抱歉造成您的困擾，謝謝您告訴我們。",
        "model_remedy": "重複扣的 500 元我們會在五個工作天內退款到您的帳戶。",
        "model_record": "您的案件編號是 A12345，處理進度我們會簡訊通知您。",
        "kw_details": "哪一期, 哪個月, 帳單+月份, 扣了多少", "ex_details": "請問是哪一個月的帳單被多扣呢",
        "kw_refuse": "沒辦法退, 不能退, 無法處理, 沒有辦法",
        "open1": "喂，我要投訴！你們上個月多扣我錢！", "open2": "喂？你們帳單是怎麼回事，又多扣我錢！",
        "calmer": "嗯……好啦，那你們要怎麼處理？",
        "blamed": "什麼我的問題？明明就是你們扣錯！",
        "still_angry": "你到底有沒有在聽？我說你們多扣我錢！",
        "remedy_ok": "好，那什麼時候會退？",
        "remedy_early": "你連是哪一期都沒問，就說要退？",
        "refused": "什麼叫沒辦法？那叫你們主管來跟我講！",
        "refused_again": "我不想再聽了，叫主管來！",
        "solving_listen": "對，就是這樣。",
        "case_given": "好，我記下來了。",
        "timeline_ask": "那大概要多久？",
        "thanks_bye": "好，那就這樣，謝謝。",
        "escalated_ok": "好，那請你們主管一定要回電給我。",
        "end_resolved": "好，謝謝，再見。", "end_escalated": "好，我等你們電話。", "end_hangup": "算了，跟你講不通，我要掛了！",
        "drill_title": "致歉之後提出解決方案",
        "test_resolved": "致歉、問清楚、退款、給案號", "test_escalated": "拒絕處理，客戶要求主管", "test_blame": "怪客戶，客戶掛斷",
        "test_drill": "從致歉之後開始練習",
        "a_apology": "張先生，非常抱歉造成您的困擾，謝謝您告訴我們。",
        "a_details": "請問是哪一個月的帳單被多扣呢？",
        "a_remedy": "重複扣的 500 元我們會在五個工作天內退款到您的帳戶。",
        "a_case": "您的案件編號是 A12345，處理進度我們會簡訊通知您。",
        "a_bye": "謝謝張先生，祝您順心，再見。",
        "a_refuse": "這個我們沒辦法退喔。",
        "a_escalate": "我了解，我馬上轉給主管，主管今天下班前會回電給您。",
        "a_blame": "這是您自己的問題吧，您應該自己看清楚帳單。",
    ]

    static let complaintEn: [String: String] = [
        "title": "Double charge on the bill (new template)",
        "name": "David Chang", "address": "Mr Chang",
        "background": "Forty; last month's bill charged him NT$500 twice. This is his second call about it.",
        "bill_details": "It's the October bill. I paid it, and then in November you took another 500.",
        "company": "Farstar Telecom", "agent": "Amy Lee", "remedy": "refund of a double charge",
        "stage_apology": "Apology", "stage_remedy": "Remedy", "stage_record": "Case record",
        "model_apology": "Mr Chang, I'm really sorry about this, and thank you for letting us know.",
        "model_remedy": "We will refund the 500 charged twice to your account within five working days.",
        "model_record": "Your case number is A12345, and we will text you when it is done.",
        "kw_details": "which bill, which month, how much was", "ex_details": "which month's bill was charged twice",
        "kw_refuse": "can't refund, cannot refund, nothing we can do, not possible",
        "open1": "Hello, I want to complain! You charged me twice last month!", "open2": "Hello? You overcharged me on my bill again!",
        "calmer": "Well... okay. So what are you going to do about it?",
        "blamed": "My fault? You charged me wrong!",
        "still_angry": "Are you even listening? You overcharged me!",
        "remedy_ok": "Okay. So when do I get it back?",
        "remedy_early": "You haven't even asked which bill and you're offering a refund?",
        "refused": "What do you mean you can't? Put your supervisor on!",
        "refused_again": "I'm done with this. Get me your supervisor!",
        "solving_listen": "Yes, that's it.",
        "case_given": "Okay, I've written it down.",
        "timeline_ask": "And how long will that take?",
        "thanks_bye": "Alright then, thank you.",
        "escalated_ok": "Fine. Make sure your supervisor calls me back.",
        "end_resolved": "Okay, thanks. Bye.", "end_escalated": "Fine, I'll wait for the call.", "end_hangup": "Forget it, I'm hanging up!",
        "drill_title": "Offering a remedy after the apology",
        "test_resolved": "apology, details, refund, case number", "test_escalated": "refusal, customer asks for a supervisor",
        "test_blame": "blaming the customer, who hangs up", "test_drill": "starting after the apology",
        "a_apology": "Mr Chang, I'm really sorry about this, and thank you for letting us know.",
        "a_details": "Which month's bill was charged twice?",
        "a_remedy": "We will refund the 500 charged twice to your account within five working days.",
        "a_case": "Your case number is A12345, and we will text you when it is done.",
        "a_bye": "Thank you Mr Chang, take care. Bye.",
        "a_refuse": "I'm afraid we can't refund that.",
        "a_escalate": "I understand. I'm passing this to my supervisor, who will call you back before the end of today.",
        "a_blame": "That's your fault, you should have read the bill.",
    ]
}
