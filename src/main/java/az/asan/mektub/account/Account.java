package az.asan.mektub.account;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A person who signs in. */
@Entity
@Table(name = "app_user")
public class Account {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String email;

	private String passwordHash;

	private String fullName;

	private String phone;

	@Enumerated(EnumType.STRING)
	private Role role;

	private boolean organisation;

	private Integer adoptionLimit;

	/** For an organisation that registered itself: the person who acts for it (its name is {@link #fullName}). */
	private String contactName;

	/** For an organisation that registered itself: its VÖEN, the taxpayer's ten digits. */
	private String voen;

	/** Whether staff confirmed a self-registered organisation; null for everyone else. */
	@Enumerated(EnumType.STRING)
	private OrganisationReview organisationReview;

	private boolean locked;

	private Instant emailConfirmedAt;

	private Instant createdAt;

	private Instant anonymisedAt;

	private String language = "az";

	@Version
	private int version;

	@ElementCollection
	@CollectionTable(name = "volunteer_region", joinColumns = @JoinColumn(name = "user_id"))
	@Column(name = "region_id")
	private Set<Integer> regionIds = new HashSet<>();

	protected Account() {
	}

	public Account(String email, String passwordHash, String fullName, Role role) {
		this.email = email.trim();
		this.passwordHash = passwordHash;
		this.fullName = fullName.trim();
		this.role = role;
		this.createdAt = Instant.now();
	}

	public Long getId() {
		return id;
	}

	public String getEmail() {
		return email;
	}

	public String getPasswordHash() {
		return passwordHash;
	}

	public String getFullName() {
		return fullName;
	}

	public String getPhone() {
		return phone;
	}

	public void setPhone(String phone) {
		this.phone = phone;
	}

	public Role getRole() {
		return role;
	}

	public boolean isOrganisation() {
		return organisation;
	}

	public Integer getAdoptionLimit() {
		return adoptionLimit;
	}

	public String getContactName() {
		return contactName;
	}

	public String getVoen() {
		return voen;
	}

	public OrganisationReview getOrganisationReview() {
		return organisationReview;
	}

	/** An organisation that registered itself and is not (or not yet) confirmed by staff. */
	public boolean isAwaitingConfirmation() {
		return organisationReview != null && organisationReview.awaitsConfirmation();
	}

	/**
	 * A company or association registering itself: it is a donor under its own name, its contact person
	 * signs in for it, and it waits for staff to confirm it before it adopts.
	 */
	static Account organisation(String email, String passwordHash, String organisationName, String voen,
			String contactName) {
		Account account = new Account(email, passwordHash, organisationName, Role.DONOR);
		account.organisation = true;
		account.voen = voen;
		account.contactName = contactName.trim();
		account.organisationReview = OrganisationReview.PENDING;
		return account;
	}

	/** A confirmed organisation that changed its name waits for staff to confirm it again. */
	void renamedOrganisation() {
		if (organisation && organisationReview == OrganisationReview.CONFIRMED) {
			organisationReview = OrganisationReview.PENDING;
		}
	}

	/** Staff confirm (or refuse) a self-registered organisation; false when there was nothing to decide. */
	boolean review(OrganisationReview decision) {
		if (!organisation || organisationReview != OrganisationReview.PENDING || decision == OrganisationReview.PENDING) {
			return false;
		}
		this.organisationReview = decision;
		return true;
	}

	public boolean isLocked() {
		return locked;
	}

	public Instant getEmailConfirmedAt() {
		return emailConfirmedAt;
	}

	public Instant getCreatedAt() {
		return createdAt;
	}

	public Set<Integer> getRegionIds() {
		return regionIds;
	}

	public void assignRegions(Set<Integer> regionIds) {
		this.regionIds.clear();
		this.regionIds.addAll(regionIds);
	}

	public String getLanguage() {
		return language;
	}

	public Instant getAnonymisedAt() {
		return anonymisedAt;
	}

	void updateProfile(String fullName, String phone, String language) {
		this.fullName = fullName.trim();
		this.phone = phone == null || phone.isBlank() ? null : phone.trim();
		this.language = language;
	}

	void changePasswordHash(String passwordHash) {
		this.passwordHash = passwordHash;
	}

	void speaks(String language) {
		this.language = language;
	}

	/**
	 * Forgets who the person was but keeps the row, so that the history of the letters they adopted
	 * still adds up. The account can no longer sign in.
	 */
	void anonymise() {
		this.email = "deleted-" + id + "@invalid";
		this.fullName = "—";
		this.phone = null;
		this.contactName = null;
		this.voen = null;
		this.passwordHash = null;
		this.regionIds.clear();
		this.anonymisedAt = Instant.now();
	}

	void lock(boolean locked) {
		this.locked = locked;
	}

	void setOrganisation(boolean organisation, Integer adoptionLimit) {
		this.organisation = organisation;
		this.adoptionLimit = organisation ? adoptionLimit : null;
		if (!organisation) {
			// staff made it a person's account: nothing of an organisation's review holds it back any more
			this.organisationReview = null;
		}
	}

	void changeRole(Role role) {
		this.role = role;
	}

	public void confirmEmail() {
		if (emailConfirmedAt == null) {
			emailConfirmedAt = Instant.now();
		}
	}

}
