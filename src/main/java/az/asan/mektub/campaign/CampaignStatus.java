package az.asan.mektub.campaign;

public enum CampaignStatus {

	PLANNED, OPEN, CLOSED

}
