package az.asan.mektub;

/**
 * An {@link IntegrationTest} class whose every test gets an open test campaign of its own and the
 * letters to put in it ({@link TestCampaign}), declared once here instead of in each such class
 * (issue 24). A class whose campaign needs another donor limit declares its own fields instead.
 */
public abstract class CampaignTestBase extends IntegrationTestBase {

	/** The id of this test's open campaign, dropped with everything in it after the test. */
	@TestCampaign
	protected long campaign;

	/** Letters to put in the campaign, in any state. */
	@TestCampaign
	protected TestLetters testLetters;

}
