/**
 * Mail: every message is written to the {@code mail_outbox} table in the transaction of the change it
 * reports and sent later by a job, so that a mail server that is down delays mail but loses none.
 * Without an SMTP server (the zero-setup default) the messages wait in the outbox and a signed-in
 * person reads their own on a local mailbox page.
 */
@org.springframework.modulith.ApplicationModule
package az.asan.mektub.notification;
