package az.asan.mektub.letter;

public enum CareSetting {

	FAMILY, CHILDREN_HOME, SHELTER, BOARDING_SCHOOL, OTHER

}
