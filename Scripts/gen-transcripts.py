#!/usr/bin/env python3
"""Writes N synthetic 15-turn transcripts (zh-TW and English, varied) into a folder, for benchmarks.
Usage: Scripts/gen-transcripts.py DIR N [SEED]"""
import os
import random
import sys

ZH = {
    "companies": ["遠星電信", "禾風家電", "嘉和人壽", "環宇光纖", "台亞電信", "安心保全", "好買網"],
    "agents": ["王小明", "陳怡君", "林建宏", "張雅婷", "李俊傑"],
    "customers": ["林太太", "陳先生", "黃小姐", "吳先生", "郭太太"],
    "agent": [
        "{cust}您好，我是{co}的{agent}，今天打給您是想跟您說明續約優惠，請問現在方便嗎？",
        "想先請問，您平常網路大多用在哪些地方？",
        "了解，所以您是說晚上看影片常常會卡，對嗎？",
        "我們這個方案月租{price}元，上網吃到飽不降速，還送{gb}GB熱點分享。",
        "價格確實要考慮，另外有月租{low}元的方案，以您的用量很夠用。",
        "那我現在就幫您辦理{low}元的方案，好嗎？",
        "跟您核對一下：{low}元方案，綁約24個月，{month}月1號生效，月租從信用卡自動扣繳，這樣沒問題嗎？",
        "好的，我念一次：0912-{a}-{b}，對嗎？",
        "提醒您，電話購買享有七天猶豫期，七天內都可以無條件解除。",
        "有任何問題可以打客服專線0800-{a}-{b}，分機{ext}找我。",
        "謝謝{cust}，祝您有愉快的一天，再見。",
        "真的很抱歉造成您的困擾，我能理解您的心情。",
        "我已經幫您登記，案件編號是TK-{a}-{b}，明天下午會有專人回電。",
    ],
    "customer": [
        "喂，你好？",
        "好啊，你說。",
        "我晚上追劇常常卡住，現在的方案只有20G，常常不夠用。",
        "對，差不多是這樣。",
        "多一百喔，有點貴耶。要綁多久？",
        "如果是{low}的那個，應該夠我用。",
        "可以啊，就幫我辦。",
        "沒問題。啊我手機有換，新的是0912-{a}-{b}。",
        "對，沒錯。",
        "網路已經斷線三天了，真的很火大！",
        "好，謝謝你。",
        "那要怎麼付錢？",
    ],
}
EN = {
    "companies": ["Northwind Energy", "Summit Fiber", "Greenleaf Publishing", "BrightPath Solar", "Lakeshore Power"],
    "agents": ["Sam", "Chloe", "Marcus", "Dana", "Tyler"],
    "customers": ["Mrs Patel", "Mr Chen", "Ms Kim", "Mr Okafor", "Mrs Lopez"],
    "agent": [
        "Hi {cust}, this is {agent} from {co}. I'm calling because your contract ends next month. Is now a good time?",
        "Great. How does your household use the internet these days?",
        "I see, so your video calls freeze when everyone is online, is that right?",
        "Our Fiber {gb}0 plan is ${price} a month and includes unlimited data, so your calls stay smooth.",
        "That's fair on price. We also have a ${low} plan that would cover your usage.",
        "Shall I go ahead and sign you up for the ${low} plan today?",
        "Just to confirm: Fiber at ${low} a month on a 12-month agreement, installed on Saturday the {day}th between 8 and 11 a.m., paid by direct debit. Does that sound right?",
        "So that's 512-{a}-{b} for the technician, correct?",
        "You have seven days to cancel this order with no penalty if you change your mind.",
        "If anything comes up, call us at 1-888-{a}-{b}.",
        "Thank you, {cust}, have a great afternoon!",
        "I'm so sorry about that, I can imagine how frustrating it is.",
        "I've logged this under reference FF-{a}{b}, and my manager will call you by Thursday.",
    ],
    "customer": [
        "Hello?",
        "Sure, I've got a few minutes.",
        "My kids stream a lot and my work calls keep freezing.",
        "Yes, that's it.",
        "Hm, that's a bit expensive. How long is the contract?",
        "The ${low} one sounds fine.",
        "Okay, let's do it.",
        "Yep. Oh, the installer should call my cell, it's 512-{a}-{b}.",
        "Correct.",
        "I've been charged twice this month and I'm really upset.",
        "Great, thanks.",
        "How do I pay for it?",
    ],
}


def line(rng, template, data, fill):
    return template.format(**fill)


def transcript(rng, index):
    data = ZH if index % 2 == 0 else EN
    fill = {
        "co": rng.choice(data["companies"]), "agent": rng.choice(data["agents"]), "cust": rng.choice(data["customers"]),
        "price": rng.choice([699, 799, 899, 65, 75]), "low": rng.choice([499, 599, 45, 55]), "gb": rng.choice([2, 5, 10, 20]),
        "month": rng.randint(1, 12), "a": rng.randint(100, 999), "b": rng.randint(1000, 9999), "ext": rng.randint(100, 9999),
        "day": rng.randint(4, 28),
    }
    direction = "outbound" if rng.random() < 0.75 else "inbound"
    lang = "zh-TW" if data is ZH else "en"
    out = [f"# direction: {direction}", f"# company: {fill['co']}", f"# customer: {fill['cust']}", f"# lang: {lang}"]
    if rng.random() < 0.3:
        out.append("# recording: required")
    if rng.random() < 0.5:
        out.append("# outcome: " + rng.choice(["sale", "no-sale", "callback", "resolved"]))
    agents = data["agent"]
    customers = data["customer"]
    for turn in range(15):
        if turn % 2 == 0:
            template = customers[0] if turn == 0 else rng.choice(customers)
            out.append("C: " + template.format(**fill))
        else:
            template = agents[0] if turn == 1 else rng.choice(agents)
            out.append("A: " + template.format(**fill))
    return "\n".join(out) + "\n"


def main():
    folder, count = sys.argv[1], int(sys.argv[2])
    rng = random.Random(int(sys.argv[3]) if len(sys.argv) > 3 else 1)
    os.makedirs(folder, exist_ok=True)
    for i in range(count):
        with open(os.path.join(folder, f"call{i:06d}.txt"), "w", encoding="utf-8") as f:
            f.write(transcript(rng, i))


if __name__ == "__main__":
    main()
