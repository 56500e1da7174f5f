/**
 * People and their roles: donors who register themselves (a person, or an organisation with its
 * VÖEN that staff confirm), volunteers with their regions, staff and administrators. Sign-in,
 * registration, the first administrator of a real deployment, and who may see which region. An
 * organisation's team: the employees it invites by mail and who joined it through the link. People
 * may also sign in with the national digital identity (OpenID Connect, {@link az.asan.mektub.account.OidcSignIn}):
 * which person there is which account here is this module's {@code account_identity}.
 */
@org.springframework.modulith.ApplicationModule
package az.asan.mektub.account;
