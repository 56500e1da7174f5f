package az.asan.mektub.letter;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

/** The child behind a letter: private data, for volunteers of the child's region only. */
@Entity
public class Child {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String firstName;

	private String surname;

	private LocalDate birthDate;

	@Enumerated(EnumType.STRING)
	private Gender gender;

	private Integer regionId;

	@Enumerated(EnumType.STRING)
	private CareSetting careSetting;

	private String contact;

	private Instant anonymisedAt;

	private Instant createdAt;

	protected Child() {
	}

	public Child(String firstName, String surname, LocalDate birthDate, Gender gender, int regionId,
			CareSetting careSetting, String contact) {
		amend(firstName, surname, birthDate, gender, regionId, careSetting, contact);
		this.createdAt = Instant.now();
	}

	void amend(String firstName, String surname, LocalDate birthDate, Gender gender, int regionId,
			CareSetting careSetting, String contact) {
		this.firstName = firstName.trim();
		this.surname = surname == null ? null : surname.trim();
		this.birthDate = birthDate;
		this.gender = gender;
		this.regionId = regionId;
		this.careSetting = careSetting;
		this.contact = contact;
	}

	public Long getId() {
		return id;
	}

	public String getFirstName() {
		return firstName;
	}

	public String getSurname() {
		return surname;
	}

	public LocalDate getBirthDate() {
		return birthDate;
	}

	public Gender getGender() {
		return gender;
	}

	public Integer getRegionId() {
		return regionId;
	}

	public CareSetting getCareSetting() {
		return careSetting;
	}

	public String getContact() {
		return contact;
	}

	public Instant getCreatedAt() {
		return createdAt;
	}

	public Instant getAnonymisedAt() {
		return anonymisedAt;
	}

}
