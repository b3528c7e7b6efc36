"""aiosmtpd's Mailbox handler that also writes one line per SMTP event to events.log beside the Maildir, so the
tests can count sessions and see the order of arrival (SmtpServer.cs runs it with -c counting_mailbox.CountingMailbox):
  EHLO|HELO <client port>     a session began
  QUIT <client port>          the client ended it
  REFUSED <client port> <to>  a recipient refused (any address starting with "refused"), for the tests of refusals
  MESSAGE <client port> <Message-Id>  a message accepted and stored
"""
import os

from aiosmtpd.handlers import Mailbox


class CountingMailbox(Mailbox):
    def __init__(self, mail_dir, message_class=None):
        super().__init__(mail_dir, message_class)
        self.events = os.path.join(os.path.dirname(os.path.abspath(mail_dir)), "events.log")

    def note(self, *words):
        with open(self.events, "a", encoding="utf-8") as log:
            log.write(" ".join(str(w) for w in words) + "\n")

    async def handle_EHLO(self, server, session, envelope, hostname, responses):
        session.host_name = hostname
        self.note("EHLO", session.peer[1])
        return responses

    async def handle_HELO(self, server, session, envelope, hostname):
        session.host_name = hostname
        self.note("HELO", session.peer[1])
        return "250 {}".format(server.hostname)

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address.lower().startswith("refused"):
            self.note("REFUSED", session.peer[1], address)
            return "550 5.1.1 Mailbox unavailable"
        envelope.rcpt_tos.append(address)
        envelope.rcpt_options.extend(rcpt_options)
        return "250 OK"

    async def handle_QUIT(self, server, session, envelope):
        self.note("QUIT", session.peer[1])
        return "221 Bye"

    async def handle_DATA(self, server, session, envelope):
        message = self.prepare_message(session, envelope)
        self.handle_message(message)
        self.note("MESSAGE", session.peer[1], message.get("Message-Id", "-").strip())
        return "250 OK"
