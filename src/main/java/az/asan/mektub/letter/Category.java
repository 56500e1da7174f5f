package az.asan.mektub.letter;

public enum Category {

	TOY, CLOTHES, SHOES, BOOKS, SCHOOL, ELECTRONICS, SPORTS, MUSIC, EXPERIENCE, OTHER

}
