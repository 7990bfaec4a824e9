#!/usr/bin/env bash
# Refreshes the fuzz seed corpora under Fuzz/Seeds/ from the project's own sample files, plus a
# few hand-written inputs per target. The seeds are small and committed; what a fuzz run adds
# goes to fuzz-out/ (ignored). Run after changing samples/ or themes/.
set -euo pipefail
cd "$(dirname "$0")/.."
seeds=Fuzz/Seeds

copy() { # target file...
  local target=$1; shift
  mkdir -p "$seeds/$target"
  for file in "$@"; do cp "$file" "$seeds/$target/$(basename "$file")"; done
}

copy FuzzWorkspaceLoader samples/project.json samples/lk/*.json
copy FuzzMockScript samples/mock-webhook.json
copy FuzzScenarios samples/scenarios.json
copy FuzzTheme themes/*.theme

# The webhook target reads one selector byte (status, method, pin) and then the body.
mkdir -p "$seeds/FuzzWebhookReply"
reply() { printf '\000%s' "$2" > "$seeds/FuzzWebhookReply/$1"; }
reply accept.json '{"dispatch_action": "accept", "room_name": "sales", "metadata": "m", "attributes": {"a": "b"}, "krisp_enabled": true}'
reply camel.json '{"dispatchAction": "ACTION_ANSWER", "roomName": "r", "mediaEncryption": "SRTP", "roomPreset": "p", "roomConfig": {"maxParticipants": 2}}'
reply pin.json '{"action": 0, "room_name": "vault", "pin": "1234"}'
reply reject.json '{"action": "reject", "reject_status_code": "SIP_STATUS_BUSY_HERE", "reject_reason": "busy"}'
reply transfer.json '{"action": "transfer", "transfer_to": "<sip:+15550001@pbx.example>", "destination_name": "d", "transfer_ringing_timeout": "30s"}'
reply transfer-number.json '{"action": 2, "transferTo": "+1 (555) 000-1234", "transferRingingTimeout": 20}'
reply both.json '{"action": "accept", "dispatch_action": "reject", "room_name": "x", "roomName": "y", "extra": [1, 2.5e3, null]}'

# The key decoder's first byte picks the chunk size; the rest is what a terminal sends.
mkdir -p "$seeds/FuzzKeyDecoder"
key() { printf "$2" > "$seeds/FuzzKeyDecoder/$1"; }
key arrows '\003\033[A\033[B\033OC\033[1;5D\033[H\033[F'
key function '\001\033OP\033[15~\033[24;2~\033[[A\033[2~\033[3~\033[5~\033[6~'
key mouse '\002\033[<0;10;5M\033[<0;10;5m\033[<64;1;1M\033[<35;200;80M'
key utf8 '\005héllo 日本 🎉\xff\xc3\033\033x\r\n\t\177\010'
key paste '\007\033[200~pasted text\033[201~'
echo "seeds in $seeds"
