import SwitchboardApp
import SwitchboardCore
import TerminalKit

/// The test workspace: the bundled samples as they were when the snapshots were recorded, plus
/// a trunk with wide and combining characters, a rule whose name carries an escape sequence and
/// a bidi override, and keys the model does not know. A copy, so editing `samples/` never
/// changes a snapshot.
enum Fixtures {
    static let projectJSON = #"""
        {
          "settings": {
            "projectId": "p_switchboard_demo",
            "mode": "oss",
            "payload": "livekit",
            "apiKey": "APIsbDemo4Key",
            "apiSecret": "demo-secret-do-not-use-in-production-0123456789",
            "connectTimeoutMs": 2000,
            "timeoutMs": 5000,
            "maxResponseBytes": 1048576,
            "mockWebhook": "mock-webhook.json"
          },
          "trunks": [
            {
              "sipTrunkId": "ST_FrntDsk7Qa2b",
              "name": "Front desk",
              "numbers": [
                "+14155550100",
                "+14155550101"
              ],
              "allowedAddresses": [
                "198.51.100.0/24",
                "sip.carrier.example"
              ],
              "headersToAttributes": {
                "X-Account": "account.id"
              },
              "includeHeaders": "SIP_X_HEADERS",
              "ringingTimeout": "40s",
              "krispEnabled": true
            },
            {
              "sipTrunkId": "ST_SaLesLn9x4Kp",
              "name": "Sales line",
              "numbers": [
                "+12125550142",
                "+12125550143"
              ],
              "allowedAddresses": [
                "198.51.100.0/24"
              ],
              "metadata": "{\"team\":\"sales\"}",
              "maxCallDuration": "3600s"
            },
            {
              "sipTrunkId": "ST_CarrDef8mZ3q",
              "name": "Carrier default",
              "allowedAddresses": [
                "203.0.113.0/24",
                "2001:db8:10::/48",
                "sip.carrier.example"
              ],
              "mediaEncryption": "SIP_MEDIA_ENCRYPT_ALLOW"
            },
            {
              "sip_trunk_id": "ST_PartnrPbx5W6",
              "name": "Partner PBX",
              "numbers": [
                "+14155550177"
              ],
              "auth_username": "partner-pbx",
              "auth_password": "s3cret-partner-pass",
              "auth_realm": "partner.example",
              "media": {
                "encryption": "SIP_MEDIA_ENCRYPT_REQUIRE",
                "codecs": [
                  {
                    "name": "PCMU"
                  },
                  {
                    "name": "opus",
                    "rate": 48000
                  }
                ]
              }
            },
            {
              "sipTrunkId": "ST_TokyoWide9Jp",
              "name": "東京オフィス Café́ ☎",
              "numbers": [
                "+81355550100"
              ],
              "allowedAddresses": [
                "192.0.2.0/24"
              ],
              "futureTrunkField": {
                "enabled": true
              }
            }
          ],
          "dispatchRules": [
            {
              "sipDispatchRuleId": "SDR_FrontDesk2Ab",
              "name": "Front desk",
              "trunkIds": [
                "ST_FrntDsk7Qa2b"
              ],
              "rule": {
                "dispatchRuleDirect": {
                  "roomName": "front-desk"
                }
              },
              "attributes": {
                "department": "reception"
              },
              "roomConfig": {
                "agents": [
                  {
                    "agentName": "receptionist",
                    "metadata": "{\"greeting\":\"front-desk\"}"
                  }
                ]
              }
            },
            {
              "sipDispatchRuleId": "SDR_VipCaLLers34",
              "name": "VIP callers",
              "trunkIds": [
                "ST_FrntDsk7Qa2b"
              ],
              "inboundNumbers": [
                "+12025550123"
              ],
              "rule": {
                "dispatchRuleDirect": {
                  "roomName": "vip-lounge"
                }
              },
              "metadata": "{\"tier\":\"gold\"}",
              "attributes": {
                "tier": "gold"
              }
            },
            {
              "sipDispatchRuleId": "SDR_DynGetRtr3Qz",
              "name": "Front desk overflow (webhook, GET)",
              "trunkIds": [
                "ST_FrntDsk7Qa2b"
              ],
              "numbers": [
                "+14155550101"
              ],
              "rule": {
                "dispatchRuleDynamic": {
                  "url": "http://127.0.0.1:8089/overflow",
                  "method": "GET"
                }
              }
            },
            {
              "sipDispatchRuleId": "SDR_SaLesHotLn5k",
              "name": "Sales hotline",
              "trunkIds": [
                "ST_SaLesLn9x4Kp"
              ],
              "numbers": [
                "+12125550142"
              ],
              "rule": {
                "dispatchRuleCallee": {
                  "roomPrefix": "sales",
                  "randomize": true
                }
              },
              "roomConfig": {
                "emptyTimeout": 300,
                "agents": [
                  {
                    "agentName": "sales-assistant"
                  }
                ]
              }
            },
            {
              "sipDispatchRuleId": "SDR_SupportQue7x",
              "name": "Support queue",
              "trunkIds": [
                "ST_SaLesLn9x4Kp"
              ],
              "numbers": [
                "+12125550143"
              ],
              "rule": {
                "dispatchRuleIndividual": {
                  "roomPrefix": "support"
                }
              },
              "attributes": {
                "queue": "support"
              }
            },
            {
              "sipDispatchRuleId": "SDR_DynRouter8Hk",
              "name": "Carrier router (webhook)",
              "trunkIds": [
                "ST_CarrDef8mZ3q"
              ],
              "rule": {
                "dispatchRuleDynamic": {
                  "url": "http://127.0.0.1:8089/dispatch",
                  "method": "POST"
                }
              },
              "attributes": {
                "routed-by": "webhook"
              }
            },
            {
              "sipDispatchRuleId": "SDR_PartnerEnc9v",
              "name": "Encrypted partner line",
              "trunkIds": [
                "ST_PartnrPbx5W6"
              ],
              "rule": {
                "dispatchRuleDirect": {
                  "roomName": "partner-desk"
                }
              },
              "mediaEncryption": "SIP_MEDIA_ENCRYPT_ALLOW",
              "krispEnabled": true,
              "metadata": "{\"partner\":true}"
            },
            {
              "sipDispatchRuleId": "SDR_ConfBridge42",
              "name": "Conference bridge",
              "rule": {
                "dispatchRuleDirect": {
                  "roomName": "bridge",
                  "pin": "4321"
                }
              }
            },
            {
              "sipDispatchRuleId": "SDR_BoardRoom987",
              "name": "Board room",
              "rule": {
                "dispatchRuleDirect": {
                  "roomName": "board",
                  "pin": "9876"
                }
              },
              "hidePhoneNumber": true
            },
            {
              "sipDispatchRuleId": "SDR_PrivateCa2rX",
              "name": "Private caller",
              "inboundNumbers": [
                "+12025550199"
              ],
              "hidePhoneNumber": true,
              "rule": {
                "dispatchRuleIndividual": {
                  "roomPrefix": "private",
                  "noRandomness": true
                }
              }
            },
            {
              "sipDispatchRuleId": "SDR_AfterHours56",
              "name": "After-hours catch-all",
              "rule": {
                "dispatchRuleIndividual": {
                  "roomPrefix": "call"
                }
              },
              "metadata": "after-hours"
            },
            {
              "sipDispatchRuleId": "SDR_EscapeName7q",
              "name": "Evil \u001b[2J name \u202e",
              "trunkIds": [
                "ST_TokyoWide9Jp"
              ],
              "rule": {
                "dispatchRuleDirect": {
                  "roomName": "東京-room"
                }
              },
              "futureRuleField": 42
            }
          ],
          "calls": [
            {
              "name": "Front desk call",
              "from": "+12025550100",
              "to": "+14155550100"
            },
            {
              "name": "VIP caller",
              "from": "+12025550123",
              "to": "+14155550100"
            },
            {
              "name": "Carrier call via webhook",
              "from": "+12025550100",
              "to": "+13105550188",
              "sourceIp": "203.0.113.7"
            },
            {
              "name": "Webhook rejects (busy)",
              "from": "+12025550111",
              "to": "+13105550188",
              "sourceIp": "203.0.113.7"
            },
            {
              "name": "Webhook transfers",
              "from": "+12025550112",
              "to": "+13105550188",
              "sourceIp": "203.0.113.7"
            },
            {
              "name": "Overflow via GET",
              "from": "+12025550100",
              "to": "+14155550101"
            },
            {
              "name": "Unknown number (catch-all)",
              "from": "+12025550150",
              "to": "+13105550199"
            }
          ]
        }
        """#

    static let catalog: WorkspaceCatalog = {
        var generator = SeededGenerator(seed: 1)
        let document = SourceDocument(path: "samples/project.json", bytes: Array(projectJSON.utf8))
        let workspace = try! WorkspaceLoader.load([document], using: &generator)
        return WorkspaceCatalog(workspace: workspace)
    }()

    static func state(columns: Int = 120, rows: Int = 40, unicode: Bool = true) -> AppState {
        AppState(
            catalog: catalog, options: AppOptions(unicode: unicode, inputPaths: ["samples/project.json"]),
            size: TerminalSize(columns: columns, rows: rows), mouseEnabled: true)
    }

    /// Feeds keys through `update`, returning the final state and every effect asked for.
    static func press(_ keys: [Key], on initial: AppState) -> (AppState, [Effect]) {
        var state = initial
        var effects: [Effect] = []
        for key in keys {
            let (next, more) = App.update(state, .key(key))
            state = next
            effects += more
        }
        return (state, effects)
    }

    static func type(_ text: String) -> [Key] { text.map { Key.char($0) } }

    /// Every row of a rendered screen, as text.
    static func screen(_ state: AppState, theme: Theme = Theme.fallback) -> [String] {
        let grid = App.view(state, size: state.size, theme: theme)
        return (0..<grid.height).map { grid.text(row: $0) }
    }
}
