package az.asan.mektub.letter;

public enum Gender {

	F, M

}
