extension ScenarioTemplate {
    static let salesSkeleton = """
    # {{ID}}: a scenario made with `callsim new --template sales`.
    # Change the words, keep the shape: `callsim lint` and `callsim test` check it as you go.
    # The format and every key: Personas/README.md.
    id: {{ID}}                            # = the file name without .yaml
    title: {{title}}
    lang: {{LANG}}
    kind: sales
    direction: outbound                   # the agent calls; the customer answers

    persona:
      name: {{name}}
      address: {{address}}                # how the agent should address the customer
      temperament: friendly               # sets how fast unmatched lines and silence wear patience
      background: {{background}}
      mood: {patience: 70, trust: 45, interest: 30}   # 0-100; patience 0 = the customer hangs up
      objections:
        - id: price                       # raised by the beat `price_objection`
          say: {{price_objection}}
          resolved_by: [offer_discount]   # the agent resolves it by mentioning the discount
          reply: {{price_reply}}          # said when resolved and no beat answers

    campaign:                             # what the agent reads in /brief; the scorer's context
      company: {{company}}
      agent: {{agent}}
      product: {{product}}
      price: {{price}}
      offers: [{{offer}}]
      recording: true                     # the agent must say the call is recorded

    script:                               # /script and /hint; each line must earn what it `shows`
      - stage: {{stage_open}}
        say: {{model_open}}
        shows: [compliance.identify, compliance.recording, compliance.permission]
        after: [answer]
      - stage: {{stage_needs}}
        say: {{model_needs}}
        shows: [listening.open_question]
        after: [opening_ok]
      - stage: {{stage_close}}
        say: {{model_close}}
        shows: [closing.ask]
        after: [pitch_warm, price_objection]

    intents:                              # what the agent's lines mean, beyond the built-in intents
      - id: ask_needs
        keywords: [{{kw_needs}}]
        examples: [{{ex_needs}}]
      - id: offer_discount
        keywords: [{{kw_discount}}]
      - id: propose_callback
        keywords: [{{kw_callback}}]

    beats:
      # The first beat is what the customer says when the call connects.
      - id: answer
        say: [{{answer1}}, {{answer2}}]   # variants: ids answer.1 and answer.2
        next: [opening_ok, who_asks]
      - id: opening_ok
        on: permission                    # built-in intent: "is this a good time?"
        say: {{opening_ok}}
        mood: {trust: +5}
        next: &main [needs, pitch_warm, pitch_cold, price_objection, agree, not_now, listening]
      - id: who_asks                      # no `on`: answers any other line
        once: true
        say: {{who_asks}}
        mood: {patience: -5}

      # Needs and offer
      - id: needs
        on: ask_needs
        say: {{needs}}
        mood: {interest: +15}
        set: [need_known]
      - id: pitch_warm
        on: [pitch, says_product, benefit]
        if: flag need_known               # the offer lands better after asking about needs
        once: true
        say: {{pitch_warm}}
        mood: {interest: +15}
      - id: pitch_cold
        on: [pitch, says_product, benefit]
        if: not flag need_known
        once: true
        say: {{pitch_cold}}
        mood: {interest: +5, patience: -5}
      - id: price_objection
        on: says_price                    # built in: a figure from campaign.price
        if: [not objection price, not resolved price]
        raises: price                     # no `say`: the objection's words are said
      - id: listening
        on: [acknowledge, empathy, paraphrase]
        say: [{{listen1}}, {{listen2}}]

      # Asking for the sale
      - id: agree
        on: ask_commitment
        if: [not objection price, interest >= 40]
        say: {{agree}}
        outcome: sale                     # the call will end as a sale...
        next: [goodbye_sale, confirm_ok, payment_ok, closing_listen]
      - id: not_now
        on: ask_commitment                # agree did not hold: not yet
        say: {{not_now}}
        mood: {patience: -5}
        next: [callback_set, push_back, not_now_listen]

      # After the customer agreed
      - id: goodbye_sale
        on: goodbye
        say: {{goodbye_sale}}
        end: sale                         # ...when the agent closes
      - id: confirm_ok
        on: confirm_details
        say: {{confirm_ok}}
      - id: payment_ok
        on: payment
        say: {{payment_ok}}
      - id: closing_listen
        on: [acknowledge, thanks]
        say: {{closing_listen}}

      # Not now
      - id: callback_set
        on: propose_callback
        say: {{callback_set}}
        end: callback
      - id: push_back
        on: [pitch, ask_commitment]
        say: {{push_back}}
        mood: {patience: -20}
      - id: not_now_listen
        on: [acknowledge, empathy]
        say: {{not_now_listen}}

      # Interruptions: checked at every turn, before the current beats
      - id: dnc_request
        anytime: true
        on: pressure
        if: [patience <= 40, not flag dnc]
        say: {{dnc_request}}
        set: [dnc]
        next: [dnc_accepted, dnc_ignored]
      - id: pressured
        anytime: true
        on: pressure
        if: not flag dnc
        say: {{pressured}}
        mood: {patience: -25, trust: -10}
      - id: dnc_accepted
        on: accept_dnc
        say: {{dnc_accepted}}
        end: dnc
      - id: dnc_ignored
        on: [pitch, pressure, ask_commitment, says_price]
        end: hangup_annoyed               # no `say`: the ending's line is said

    endings:
      - {id: sale, kind: sale, say: {{end_sale}}}
      - {id: callback, kind: callback, say: {{end_callback}}}
      - {id: dnc, kind: dnc, say: {{end_dnc}}}
      - {id: hangup_annoyed, kind: hangup, say: {{end_hangup}}}   # also used for silence and confusion

    thresholds:                           # checked after every turn
      - {if: patience <= 0, end: hangup_annoyed}

    rubric:
      pass: 70
      indicators:
        compliance.identify: 2
        compliance.permission: 1
        compliance.recording: 1
        compliance.honor_dnc: 3
        listening.open_question: 2
        listening.acknowledge: 1
        closing.benefit: 1
        closing.objection: 2
        closing.ask: 2
        closing.confirm: 1
        closing.payment: 1
        closing.courtesy: 1

    drills:                               # callsim play {{ID}} --from price-objection
      - id: price-objection
        title: {{drill_title}}
        from: price_objection
        mood: {patience: 60, trust: 50, interest: 50}
        flags: [need_known]

    tests:                                # callsim test: golden conversations
      - name: {{test_sale}}
        seed: 1
        agent:
          - {{a_open}}
          - {{a_needs}}
          - {{a_pitch}}
          - {{a_price}}
          - {{a_discount}}
          - {{a_ask}}
          - {{a_confirm}}
          - {{a_pay}}
          - {{a_bye}}
        customer: [answer, opening_ok, needs, pitch_warm, price, price.reply, agree, confirm_ok, payment_ok, goodbye_sale]
        ending: sale
        indicators:                       # statuses the scorer must give
          compliance.identify: hit
          listening.open_question: hit
          closing.ask: hit
        min_score: 70                     # the scorer's score, 0-100
      - name: {{test_callback}}
        seed: 2
        agent:
          - {{a_open}}
          - {{a_pitch}}
          - {{a_ask}}
          - {{a_callback}}
        customer: [answer, opening_ok, pitch_cold, not_now, callback_set]
        ending: callback
      - name: {{test_dnc}}
        seed: 3
        agent:
          - {{a_open}}
          - {{a_pressure}}
          - {{a_pressure}}
          - {{a_pressure}}
          - {{a_accept_dnc}}
        customer: [answer, opening_ok, pressured, pressured, dnc_request, dnc_accepted]
        ending: dnc
        indicators: {compliance.honor_dnc: hit}
      - name: {{test_silence}}
        seed: 4
        agent: [/silence 20, /silence 20, /silence 20]
        customer: [answer, dead_air, dead_air, hangup_annoyed]
        ending: hangup_annoyed
      - name: {{test_drill}}
        seed: 5
        from: price-objection
        agent:
          - {{a_discount}}
          - {{a_ask}}
        customer: [price, price.reply, agree]

    """

    static let salesZh: [String: String] = [
        "title": "光纖升級（新範本）",
        "name": "陳淑芬", "address": "陳小姐",
        "background": "三十多歲上班族，家裡用 100M 光纖，晚上常覺得網路慢。",
        "price_objection": "一個月 899 喔？有點貴欸。",
        "price_reply": "喔，前六個月 699 喔？那還可以。",
        "company": "遠星電信", "agent": "王小明", "product": "光纖 500M 方案", "price": "月租 NT$899，綁約 24 個月",
        "offer": "前 6 個月優惠價 NT$699",
        "stage_open": "開場", "stage_needs": "需求探詢", "stage_close": "促成",
        "model_open": "陳小姐您好，我是遠星電信的王小明，這通電話會錄音。請問現在方便耽誤您三分鐘嗎？",
        "model_needs": "想請問您家裡平常上網都做些什麼呢？",
        "model_close": "那我現在幫您辦理好嗎？",
        "kw_needs": "平常+上網, 使用習慣, 網路+慢", "ex_needs": "請問您家裡平常上網都做些什麼",
        "kw_discount": "前六個月, 699, 優惠價", "kw_callback": "再打給您, 改天再, 晚點再打",
        "answer1": "喂？", "answer2": "喂，您好？",
        "opening_ok": "喔，遠星喔？可以啊，你說。",
        "who_asks": "請問哪裡找？",
        "needs": "晚上大家都在看影片，網路常常卡卡的。",
        "pitch_warm": "500M 喔？那晚上看影片應該就不會卡了齁？",
        "pitch_cold": "嗯……可是我們家網路好像也還好欸。",
        "listen1": "對啊。", "listen2": "嗯，對。",
        "agree": "好啦，聽起來不錯，那就幫我辦吧。",
        "not_now": "嗯……我再想想好了。",
        "goodbye_sale": "好，謝謝你喔，掰掰。",
        "confirm_ok": "對，沒錯。",
        "payment_ok": "好，跟電話帳單一起扣就好。",
        "closing_listen": "嗯嗯。",
        "callback_set": "好啊，那你禮拜四晚上再打來。",
        "push_back": "我說我要再想想啦。",
        "not_now_listen": "對啊，我再考慮一下。",
        "dnc_request": "欸，以後請不要再打來推銷了，好嗎？",
        "pressured": "欸，你不要這樣催我啦。",
        "dnc_accepted": "好，謝謝，掰掰。",
        "end_sale": "好，那就麻煩你了，掰掰。", "end_callback": "好，那你改天再打來。",
        "end_dnc": "好，掰掰。", "end_hangup": "好了，我要掛了。",
        "drill_title": "處理價格異議",
        "test_sale": "完整成交", "test_callback": "沒探詢需求，客戶要再想想，約回撥", "test_dnc": "一直催促，客戶要求不要再打來",
        "test_silence": "一直不說話，客戶掛斷", "test_drill": "從價格異議開始練習",
        "a_open": "陳小姐您好，我是遠星電信的王小明，這通電話會錄音。請問現在方便耽誤您三分鐘嗎？",
        "a_needs": "想請問您家裡平常上網都做些什麼呢？",
        "a_pitch": "了解。我們現在有光纖 500M 方案，晚上看影片比較不會卡。",
        "a_price": "月租是 899 元。",
        "a_discount": "多三百元確實要考慮，不過前六個月只要 699 元。",
        "a_ask": "那我現在幫您辦理好嗎？",
        "a_confirm": "好的，跟您確認一下：光纖 500M，月租 899 元，前六個月 699 元。",
        "a_pay": "費用會跟電話帳單一起扣款。",
        "a_bye": "謝謝陳小姐，祝您有美好的一天，再見。",
        "a_callback": "沒問題，那我禮拜四晚上再打給您，謝謝陳小姐。",
        "a_pressure": "這個優惠只剩今天，錯過就沒了！",
        "a_accept_dnc": "好的，不好意思打擾您，我會幫您移除，之後不會再打擾您。再見。",
    ]

    static let salesEn: [String: String] = [
        "title": "Fibre upgrade (new template)",
        "name": "Susan Chen", "address": "Ms Chen",
        "background": "An office worker in her thirties with 100M fibre at home; the internet feels slow in the evenings.",
        "price_objection": "899 a month? That's a bit much.",
        "price_reply": "Oh, 699 for the first six months? That's fine then.",
        "company": "Farstar Telecom", "agent": "Sam Wang", "product": "Fibre 500", "price": "NT$899 a month, 24-month contract",
        "offer": "NT$699 a month for the first 6 months",
        "stage_open": "Opening", "stage_needs": "Needs", "stage_close": "Close",
        "model_open": "Hello Ms Chen, this is Sam Wang from Farstar Telecom. This call is recorded. Is this a good time for three minutes?",
        "model_needs": "What do you mostly use the internet for at home?",
        "model_close": "Shall I sign you up now?",
        "kw_needs": "use the internet, internet for, how do you use", "ex_needs": "what do you mostly use the internet for at home",
        "kw_discount": "first six months, 699, discount", "kw_callback": "call you back on, call you again, another time",
        "answer1": "Hello?", "answer2": "Hello, who's this?",
        "opening_ok": "Farstar? Sure, go ahead.",
        "who_asks": "Sorry, who is calling?",
        "needs": "Everyone streams in the evening and it keeps freezing.",
        "pitch_warm": "500? So the evening streaming wouldn't freeze any more?",
        "pitch_cold": "Hmm, our internet seems fine, though.",
        "listen1": "Right.", "listen2": "Yes, exactly.",
        "agree": "Alright, that sounds good. Let's do it.",
        "not_now": "Hmm, let me think about it.",
        "goodbye_sale": "Thanks, bye!",
        "confirm_ok": "Yes, that's right.",
        "payment_ok": "Fine, put it on my phone bill.",
        "closing_listen": "Okay.",
        "callback_set": "Sure, call me back on Thursday evening.",
        "push_back": "I said I need to think about it.",
        "not_now_listen": "Yes, I'll think it over.",
        "dnc_request": "Look, please don't call me with sales calls again, okay?",
        "pressured": "Please don't rush me.",
        "dnc_accepted": "Thank you. Bye.",
        "end_sale": "Great, thanks. Bye.", "end_callback": "Okay, call me another time.",
        "end_dnc": "Okay, bye.", "end_hangup": "That's it, I'm hanging up.",
        "drill_title": "Handling the price objection",
        "test_sale": "full sale", "test_callback": "no needs asked, thinks it over, callback", "test_dnc": "pressure leads to a do-not-call request",
        "test_silence": "silence until the customer hangs up", "test_drill": "starting at the price objection",
        "a_open": "Hello Ms Chen, this is Sam Wang from Farstar Telecom. This call is recorded. Is this a good time for three minutes?",
        "a_needs": "What do you mostly use the internet for at home?",
        "a_pitch": "I see. We now have Fibre 500, so evening streaming won't freeze.",
        "a_price": "It is 899 a month.",
        "a_discount": "It is more, yes. But for the first six months it is only 699.",
        "a_ask": "Shall I sign you up now?",
        "a_confirm": "Great. Let me confirm: Fibre 500 at 899 a month, 699 for the first six months.",
        "a_pay": "It will be billed with your phone bill.",
        "a_bye": "Thank you Ms Chen, have a nice day. Bye.",
        "a_callback": "No problem, I'll call you back on Thursday evening. Thank you Ms Chen.",
        "a_pressure": "This deal is only today, it's your last chance!",
        "a_accept_dnc": "Of course, sorry to bother you. I'll remove you from our list and we won't call again. Bye.",
    ]
}
