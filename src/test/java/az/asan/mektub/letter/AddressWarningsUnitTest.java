package az.asan.mektub.letter;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import az.asan.mektub.letter.privacy.PersonalDataCheck;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pen test 2, item 3: addresses went public without a warning ("Şərifzadə 14, m. 3", "Yasamal r.,
 * Şərifzadə 14", "ünvan: …"). A table of addresses as people in Azerbaijan write them, in Azerbaijani,
 * Russian and English, each warned of; and a table of ordinary wishes with numbers, brands and place
 * names, none of which is taken for an address.
 */
class AddressWarningsUnitTest {

	@ParameterizedTest
	@ValueSource(strings = {
			// what went public in the pen test
			"ünvan: Bakı, Yasamal r., Şərifzadə 14, m. 3", "Şərifzadə 14, m. 3", "Yasamal r., Şərifzadə 14",
			// Azerbaijani
			"Şərifzadə 14", "Şərifzadə 14/2", "Nizami küç. 5", "Nəsimi rayonu, Azadlıq pr. 112",
			"Bakı ş., Xətai r., Babək pr. 25, mən. 40", "Sabunçu ray., Bakıxanov qəs., Ağayev küç. 8",
			"Ünvanım: Gəncə, Atatürk pr. 12", "Səbail rayonu, Bayıl qəsəbəsi", "Binəqədi r., 7-ci mkr, ev 14",
			"Mərdəkan qəs., Dostluq küç. 3", "Qaradağ r., Lökbatan qəs., ev 22", "Sumqayıt ş., 9-cu mkr., bina 15, m. 21",
			"Lənkəran ş., Hüseyn Cavid küç. 17", "Xəzər r., Buzovna qəs., Neftçilər 4", "Nərimanov r., Təbriz 44, m. 7",
			"Füzuli 59, m. 12", "Həsən bəy Zərdabi 78, mənzil 5", "Yasamal, Şərifzadə 14", "Bakı, Nəsimi r.",
			"Şəki ş., M.F.Axundzadə pr. 30", "Abşeron r., Masazır qəs.", "Suraxanı r., Hövsan qəs., 5-ci döngə",
			"Xətai rayonu, Əhmədli, Ə.Əliyev 10", "Biz Yasamal rayonunda, Mirzəağa Əliyev küçəsində yaşayırıq",
			"Gəncə şəhəri, Nizami küçəsi 40", "Zaqatala r., Car kəndi", "Ünvan — Quba, Fətəli xan 12",
			"Pirallahı r., ev 3", "Mingəçevir ş., Heydər Əliyev pr. 60, m. 18", "Nizami 25A, m. 4", "Bakı, Xətai r.",
			"Azadlıq pr., 112", "Yasamal r-nu, Şərifzadə 14", "Qəsəbə: Zabrat, ev 5", "mən. 12, bina 4",
			"Məktubu bu ünvana göndərin: Şərifzadə 14", "Bakı şəhəri, Nəsimi rayonu", "Ağayev küç. 8, Bakıxanov",
			"Tbilisi pr. 40", "Buzovna qəsəbəsində yaşayıram, top istəyirəm", "Bakıxanov qəs., Sülh 3",
			"Mən Şərifzadə 14-də yaşayıram, m. 3",
			// Russian
			"ул. Низами 5, кв. 12", "г. Баку, Ясамальский р-н, ул. Шарифзаде 14", "Баку, пр-т Азадлыг 112, кв. 40",
			"д. 14, кв. 3", "Сабунчинский район, пос. Бакиханов", "ул. Тебриз 44", "проспект Нефтяников 88",
			"мкр. 8, д. 15", "Живём в Хатаинском районе, ул. Бабека", "Сумгаит, 9-й мкр, дом 15",
			"Мой адрес: Гянджа, ул. Ататюрка 12", "пос. Мардакан, ул. Дружбы 3", "Наримановский р-н, ул. Тебриза 44",
			"Баку, Насиминский район, улица Самеда Вургуна 20", "кв. 7, дом 3",
			// English
			"My address is 14 Sharifzade Street, Baku", "Apt. 3, 14 Sharifzade St., Yasamal", "Yasamal district, Sharifzade 14",
			"Baku, Nasimi district, Azadlig Ave. 112", "flat 12, Nizami street 5", "I live on Tabriz Street 44",
			"14 Nizami Rd.", "Apartment 40, 25 Babek Avenue", "Sabunchu district, Bakikhanov settlement", "House 22, Lokbatan",
			// pen test 3: shapes the check still missed
			"Şərifzadə-14", "Şərifzadə,14", "14 Şərifzadə", "şərifzadə 14", "ŞƏRİFZADƏ 14", "Şərifzadə küç 14",
			"Şərifzadə 14-cü ev", "Nizami 12 kv 5", "Nizami 12 apt 5", "Sharifzade 14 apt 3", "Пушкина 10-5",
			"Бакы, Низами кучеси 12", "Азадлыг пр 12", "Sumqayıt 5-ci mkr, 12/34", "Zabrat, 1-ci döngə 7",
			"Zığ şossesi 12", "yataqxana, otaq 214", "poçt indeksi AZ 1073", "Masazırda yaşayırıq" })
	void anAddressAsPeopleWriteItIsWarnedOf(String text) {
		assertThat(PersonalDataCheck.warnings(text, "Aysel", null)).as(text).contains("letter.privacy.address");
	}

	@ParameterizedTest
	@ValueSource(strings = { "14 yaşlı qardaşım üçün", "Lego 60 hissəli", "Lego 60 hissəli dəst istəyirəm",
			"14 yaşlı qardaşım üçün futbol topu", "Mən 9 yaşındayam, rəsm dəftəri istəyirəm", "PlayStation 5 üçün oyun",
			"Barbie kuklası və 2 paltar", "iPhone 13 qabı", "Mənə 24 rəngli karandaş lazımdır", "Velosiped, 20 düym",
			"Harry Potter 1-ci kitab", "Minecraft Lego dəsti", "5-ci sinifə gedirəm, məktəb çantası istəyirəm",
			"Bacım 3 yaşındadır, ona da oyuncaq", "Futbol forması, ölçü 32", "Ayaqqabı, 35 ölçü",
			"Qış üçün isti gödəkcə, 140 sm boy", "Rəsm üçün 36 rəngli flomaster", "Kitab: Dədə Qorqud",
			"Şahmat dəsti və saat", "Konstruktor, 500 detallı", "Uzaqdan idarə olunan maşın", "Gitara, 6 simli",
			"Nizami Gəncəvinin şeirlər kitabı", "Füzuli poemaları kitabı", "Ana dili kitabı, 3-cü sinif üçün",
			"Rubik kubu 3x3", "2 ədəd kukla", "Top, 5 nömrə", "Mənə FIFA 23 oyunu",
			"Qardaşım Əli ilə oynamaq üçün stolüstü oyun", "Samsung Galaxy A14 qabı", "Hot Wheels 10 maşın dəsti",
			"Məktəb üçün 12 dəftər", "Pazl, 1000 hissəli", "Kukla evi istəyirəm", "Bizim evdə 4 uşaq var, hamımız üçün top",
			"Küçədə futbol oynamaq üçün top istəyirəm", "Mən Bakıda yaşayıram, top istəyirəm",
			"Gəncədə çox qar yağır, mənə xizək lazımdır", "Nənəm Şəkidən gələndə mənə hədiyyə gətirir",
			"Atam 45 yaşındadır, ona saat", "Yeni il üçün 2 kitab və 1 oyuncaq", "Mənim sevimli rəqəmim 7-dir",
			"Kompüter siçanı", "Sinif 4, riyaziyyat kitabı", "Ölçü 36, idman ayaqqabısı",
			"Mən 3 yaşlı bacım üçün kukla istəyirəm, 14 yaşlı qardaşım üçün top", "Lego City 60 pieces",
			"Хочу велосипед и книгу про космос", "Конструктор Лего на 60 деталей", "Мне 14 лет, хочу наушники",
			"Кукла Барби и домик", "Набор для рисования, 24 цвета", "Футбольный мяч, размер 5",
			"Книга Гарри Поттер, 2 часть", "Мой брат учится в 3 классе, ему нужен рюкзак", "Коньки 35 размера",
			"Настольная игра Монополия", "I would like a red bicycle for school", "A PlayStation 5 game, please",
			"Winter boots, size 34", "For my 14 year old brother", "A drawing set with 48 colours",
			"Harry Potter books 1-3", "Football shirt number 10", "A doll house for my 3 sisters",
			"Headphones and a book about space", "Lego 60", "Mənə Lego 60 lazımdır", "Quba almasından mürəbbə",
			// pen test 3: more wishes with numbers
			"Lego 60 hissəli", "PlayStation 5", "Ronaldo 7 forması", "2 ədəd kitab", "35 ölçülü ayaqqabı",
			"3-cü sinif dərslikləri", "Messi 10", "iPhone 13" })
	void anOrdinaryWishIsNotTakenForAnAddress(String text) {
		assertThat(PersonalDataCheck.warnings(text, "Aysel", null)).as(text).doesNotContain("letter.privacy.address");
	}

}
