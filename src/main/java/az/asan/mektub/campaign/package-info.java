/**
 * Campaigns: the year-round ASAN Məktub program and seasonal ones such as December's "Bir qəlbi də
 * sən isit". A campaign sets the age range and its reference date, how long a donor may hold a
 * letter and how many letters a donor may hold at once. Its life is PLANNED → OPEN → CLOSED: only an
 * open campaign takes letters and adoptions; closing, and an opening that warns (early, holds cut short
 * at the end, another of its kind open), are confirmed on a page of their own, and an administrator
 * may reopen a closed campaign for 30 days. An open campaign's end never moves before today, and an
 * edit of its end or hold days that cuts holds short is confirmed the same way. Where a campaign is
 * chosen for someone (the tree, a new letter), it is the open one running today
 * ({@link az.asan.mektub.campaign.Campaign#running}), never one opened early. Its letters are the letter module's: it counts them for
 * the closing page through {@link az.asan.mektub.campaign.CampaignLetters}.
 */
@org.springframework.modulith.ApplicationModule
package az.asan.mektub.campaign;
