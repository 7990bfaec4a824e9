"""Checks the stand-in against LiveKit's official Python server SDK (PyPI `livekit-api`):
its SIP service's list/create/update/delete calls must work against it, and a wrong secret
must be refused, and a list asked a page at a time must come in ID order, `after_id` and
`limit` honoured. Starts the stand-in itself; prints `ok` and exits 0 when all passed."""

import asyncio
import os
import signal
import subprocess
import sys
import warnings

from livekit import api
from livekit.protocol import models, sip

warnings.filterwarnings("ignore", message=".*HMAC key.*")
HERE = os.path.dirname(os.path.abspath(__file__))
KEY, SECRET = "devkey", "secret-for-tests-only-0123456789"


async def check(url):
    lk = api.LiveKitAPI(url, KEY, SECRET, failover=False)
    try:
        trunk = await lk.sip.create_inbound_trunk(
            sip.CreateSIPInboundTrunkRequest(trunk=sip.SIPInboundTrunkInfo(name="Front desk", numbers=["+14155550123"]))
        )
        assert trunk.sip_trunk_id.startswith("ST_"), trunk
        assert trunk.HasField("updated_at"), "create sets updatedAt"
        rule = await lk.sip.create_dispatch_rule(
            sip.CreateSIPDispatchRuleRequest(
                dispatch_rule=sip.SIPDispatchRuleInfo(
                    name="Support", trunk_ids=[trunk.sip_trunk_id],
                    rule=sip.SIPDispatchRule(dispatch_rule_individual=sip.SIPDispatchRuleIndividual(room_prefix="support")),
                )
            )
        )
        assert rule.sip_dispatch_rule_id.startswith("SDR_"), rule
        listed = await lk.sip.list_dispatch_rule(sip.ListSIPDispatchRuleRequest())
        assert [r.sip_dispatch_rule_id for r in listed.items] == [rule.sip_dispatch_rule_id], listed
        trunks = await lk.sip.list_inbound_trunk(sip.ListSIPInboundTrunkRequest())
        assert [t.name for t in trunks.items] == ["Front desk"], trunks

        replacement = sip.SIPDispatchRuleInfo()
        replacement.CopyFrom(rule)
        replacement.name = "Support (renamed)"
        updated = await lk.sip.update_dispatch_rule(rule.sip_dispatch_rule_id, replacement)
        assert updated.name == "Support (renamed)", updated
        assert updated.updated_at.ToNanoseconds() > rule.updated_at.ToNanoseconds(), "update moves updatedAt on"
        renamed = sip.SIPInboundTrunkInfo()
        renamed.CopyFrom(trunk)
        renamed.name = "Front desk 2"
        assert (await lk.sip.update_inbound_trunk(trunk.sip_trunk_id, renamed)).name == "Front desk 2"

        second = await lk.sip.create_dispatch_rule(
            sip.CreateSIPDispatchRuleRequest(
                dispatch_rule=sip.SIPDispatchRuleInfo(
                    name="Sales", rule=sip.SIPDispatchRule(dispatch_rule_direct=sip.SIPDispatchRuleDirect(room_name="sales"))
                )
            )
        )
        ids = sorted([rule.sip_dispatch_rule_id, second.sip_dispatch_rule_id])
        first_page = await lk.sip.list_dispatch_rule(sip.ListSIPDispatchRuleRequest(page=models.Pagination(limit=1)))
        assert [r.sip_dispatch_rule_id for r in first_page.items] == ids[:1], first_page
        after = models.Pagination(after_id=ids[0], limit=1)
        next_page = await lk.sip.list_dispatch_rule(sip.ListSIPDispatchRuleRequest(page=after))
        assert [r.sip_dispatch_rule_id for r in next_page.items] == ids[1:], next_page
        after = models.Pagination(after_id=ids[1], limit=1)
        assert len((await lk.sip.list_dispatch_rule(sip.ListSIPDispatchRuleRequest(page=after))).items) == 0
        await lk.sip.delete_dispatch_rule(sip.DeleteSIPDispatchRuleRequest(sip_dispatch_rule_id=second.sip_dispatch_rule_id))

        await lk.sip.delete_dispatch_rule(sip.DeleteSIPDispatchRuleRequest(sip_dispatch_rule_id=rule.sip_dispatch_rule_id))
        await lk.sip.delete_trunk(sip.DeleteSIPTrunkRequest(sip_trunk_id=trunk.sip_trunk_id))
        assert len((await lk.sip.list_dispatch_rule(sip.ListSIPDispatchRuleRequest())).items) == 0
        assert len((await lk.sip.list_inbound_trunk(sip.ListSIPInboundTrunkRequest())).items) == 0
    finally:
        await lk.aclose()

    wrong = api.LiveKitAPI(url, KEY, "not-the-secret", failover=False)
    try:
        await wrong.sip.list_dispatch_rule(sip.ListSIPDispatchRuleRequest())
        raise AssertionError("a wrong secret was accepted")
    except api.TwirpError as error:
        assert error.code == "unauthenticated", error
    finally:
        await wrong.aclose()


def main():
    # Blocked signals are inherited: unblock them here and in the stand-in (it does so too).
    signal.pthread_sigmask(signal.SIG_SETMASK, set())
    server = subprocess.Popen(
        [sys.executable, os.path.join(HERE, "standin.py"), "--api-key", KEY, "--api-secret", SECRET, "--exit-with-stdin"],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, close_fds=True,
    )
    try:
        line = server.stdout.readline()
        assert line.startswith("PORT "), "stand-in did not start: %r" % line
        asyncio.run(asyncio.wait_for(check("http://127.0.0.1:%s" % line.split()[1]), timeout=60))
    finally:
        # SIGKILL cannot be blocked or ignored; the stand-in also exits when its stdin closes.
        server.kill()
        server.wait(timeout=10)
    print("ok")


if __name__ == "__main__":
    main()
