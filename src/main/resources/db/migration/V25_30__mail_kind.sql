-- Which kind of mail a queued message is (confirm, registerExisting, …): mails that carry no token
-- are counted by it, so that no one can fill a person's mailbox from the registration forms.
ALTER TABLE mail_outbox ADD COLUMN kind varchar(60);
