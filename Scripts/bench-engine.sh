#!/usr/bin/env bash
# Times the persona engine per agent turn (release build): the built-in scenarios with their
# golden-test scripts, and a generated scenario of 200 intents x 20 example phrases.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
swift build -c release --product callsim >/dev/null
bin="$root/.build/release/callsim"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

cat > "$work/script.txt" <<'LINES'
林太太您好，我是遠星電信的王小明，這通電話會錄音。請問現在方便耽誤您三分鐘嗎？
謝謝您。今天打來是因為您是我們的行動用戶，想先請問您家裡平常上網都做些什麼呢？
了解，所以您是說晚上小孩看影片常常會卡。我們現在有光纖 500M 升級方案，速度是您現在的五倍。
月租是 899 元。
我了解，多三百元確實要考慮。不過前六個月優惠價只要 699，換算一天多不到十塊。
那我現在幫您登記升級好嗎？
好的，跟您確認一下：光纖 500M，月租 899，前六個月 699，費用跟電話帳單一起扣款，可以嗎？
安裝師傅禮拜六上午十點到府安裝可以嗎？
另外提醒您，電話購買享有七天猶豫期，七天內可以無條件解約。
之後有任何問題可以打客服專線 0800-000-123，謝謝林太太，祝您有美好的一天，再見。
LINES
"$bin" replay tw-telecom-friendly --script "$work/script.txt" --bench 2000

# 200 intents x 20 phrases, added to a copy of the built-in scenario.
mkdir -p "$work/personas"
big="$work/personas/tw-telecom-friendly.yaml"
sed 's/^intents:$/intents:\n  #GENERATED/' Personas/tw-telecom-friendly.yaml > "$big"
chars=(天 地 玄 黃 宇 宙 洪 荒 日 月 盈 昃 辰 宿 列 張 寒 來 暑 往 秋 收 冬 藏 閏 餘 成 歲 律 呂 調 陽 雲 騰 致 雨 露 結 為 霜)
generated="$work/generated.yaml"
: > "$generated"
RANDOM=7
for i in $(seq 0 199); do
  printf '  - id: bench_%d\n    keywords: [kw%da, kw%db]\n    examples:\n' "$i" "$i" "$i" >> "$generated"
  for _ in $(seq 1 20); do
    phrase=""
    for _ in $(seq 1 12); do phrase+="${chars[RANDOM % ${#chars[@]}]}"; done
    printf '      - %s\n' "$phrase" >> "$generated"
  done
done
sed -i "/  #GENERATED/r $generated" "$big"
sed -i '/  #GENERATED/d' "$big"
# stderr: the loader warns that the generated intents are unused.
"$bin" replay tw-telecom-friendly --personas "$work/personas" --script "$work/script.txt" --bench 2000 2>/dev/null
