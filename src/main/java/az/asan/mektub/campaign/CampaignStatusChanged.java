package az.asan.mektub.campaign;

/**
 * A campaign opened, closed or was reopened: which letters hang on the tree and wait on the home page
 * changed. Published by {@link CampaignManagement} in the step's transaction; modules that keep pages
 * showing them make theirs afresh when it commits, by their own keys.
 */
public record CampaignStatusChanged(long campaignId, CampaignStatus status) {
}
