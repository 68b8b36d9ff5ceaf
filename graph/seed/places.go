package seed

// Name sets: the first and last names common in a part of the world.
const (
	namesAnglo = iota
	namesHispanicLusophone
	namesWesternEurope
	namesEasternEurope
	namesMiddleEast
	namesAfrica
	namesSouthAsia
	namesEastAsia
	namesSoutheastAsia
	nameSetCount
)

// city is a place people live: its display name, country, IANA time zone,
// the name set most of its people draw from, and its relative share of
// the network's people.
type city struct {
	name, country, timezone string
	names                   int
	share                   int
}

var cities = []city{
	{"San Francisco", "United States", "America/Los_Angeles", namesAnglo, 50},
	{"Seattle", "United States", "America/Los_Angeles", namesAnglo, 30},
	{"New York", "United States", "America/New_York", namesAnglo, 50},
	{"Boston", "United States", "America/New_York", namesAnglo, 20},
	{"Austin", "United States", "America/Chicago", namesAnglo, 18},
	{"Chicago", "United States", "America/Chicago", namesAnglo, 18},
	{"Denver", "United States", "America/Denver", namesAnglo, 10},
	{"Atlanta", "United States", "America/New_York", namesAnglo, 10},
	{"Toronto", "Canada", "America/Toronto", namesAnglo, 22},
	{"Vancouver", "Canada", "America/Vancouver", namesAnglo, 12},
	{"Mexico City", "Mexico", "America/Mexico_City", namesHispanicLusophone, 16},
	{"São Paulo", "Brazil", "America/Sao_Paulo", namesHispanicLusophone, 25},
	{"Buenos Aires", "Argentina", "America/Argentina/Buenos_Aires", namesHispanicLusophone, 14},
	{"Bogotá", "Colombia", "America/Bogota", namesHispanicLusophone, 10},
	{"Santiago", "Chile", "America/Santiago", namesHispanicLusophone, 8},
	{"Lima", "Peru", "America/Lima", namesHispanicLusophone, 6},
	{"London", "United Kingdom", "Europe/London", namesAnglo, 45},
	{"Manchester", "United Kingdom", "Europe/London", namesAnglo, 8},
	{"Dublin", "Ireland", "Europe/Dublin", namesAnglo, 12},
	{"Berlin", "Germany", "Europe/Berlin", namesWesternEurope, 30},
	{"Munich", "Germany", "Europe/Berlin", namesWesternEurope, 14},
	{"Amsterdam", "Netherlands", "Europe/Amsterdam", namesWesternEurope, 20},
	{"Paris", "France", "Europe/Paris", namesWesternEurope, 28},
	{"Madrid", "Spain", "Europe/Madrid", namesHispanicLusophone, 14},
	{"Barcelona", "Spain", "Europe/Madrid", namesHispanicLusophone, 14},
	{"Lisbon", "Portugal", "Europe/Lisbon", namesHispanicLusophone, 12},
	{"Milan", "Italy", "Europe/Rome", namesWesternEurope, 10},
	{"Zurich", "Switzerland", "Europe/Zurich", namesWesternEurope, 8},
	{"Stockholm", "Sweden", "Europe/Stockholm", namesWesternEurope, 12},
	{"Copenhagen", "Denmark", "Europe/Copenhagen", namesWesternEurope, 8},
	{"Oslo", "Norway", "Europe/Oslo", namesWesternEurope, 6},
	{"Helsinki", "Finland", "Europe/Helsinki", namesWesternEurope, 6},
	{"Warsaw", "Poland", "Europe/Warsaw", namesEasternEurope, 14},
	{"Kraków", "Poland", "Europe/Warsaw", namesEasternEurope, 8},
	{"Prague", "Czechia", "Europe/Prague", namesEasternEurope, 8},
	{"Budapest", "Hungary", "Europe/Budapest", namesEasternEurope, 6},
	{"Bucharest", "Romania", "Europe/Bucharest", namesEasternEurope, 8},
	{"Kyiv", "Ukraine", "Europe/Kyiv", namesEasternEurope, 10},
	{"Tallinn", "Estonia", "Europe/Tallinn", namesEasternEurope, 4},
	{"Belgrade", "Serbia", "Europe/Belgrade", namesEasternEurope, 5},
	{"Tel Aviv", "Israel", "Asia/Jerusalem", namesMiddleEast, 14},
	{"Istanbul", "Türkiye", "Europe/Istanbul", namesMiddleEast, 12},
	{"Dubai", "United Arab Emirates", "Asia/Dubai", namesMiddleEast, 10},
	{"Cairo", "Egypt", "Africa/Cairo", namesMiddleEast, 10},
	{"Amman", "Jordan", "Asia/Amman", namesMiddleEast, 4},
	{"Lagos", "Nigeria", "Africa/Lagos", namesAfrica, 16},
	{"Nairobi", "Kenya", "Africa/Nairobi", namesAfrica, 12},
	{"Accra", "Ghana", "Africa/Accra", namesAfrica, 6},
	{"Kigali", "Rwanda", "Africa/Kigali", namesAfrica, 3},
	{"Cape Town", "South Africa", "Africa/Johannesburg", namesAfrica, 8},
	{"Johannesburg", "South Africa", "Africa/Johannesburg", namesAfrica, 8},
	{"Bengaluru", "India", "Asia/Kolkata", namesSouthAsia, 45},
	{"Hyderabad", "India", "Asia/Kolkata", namesSouthAsia, 20},
	{"Pune", "India", "Asia/Kolkata", namesSouthAsia, 15},
	{"New Delhi", "India", "Asia/Kolkata", namesSouthAsia, 18},
	{"Chennai", "India", "Asia/Kolkata", namesSouthAsia, 12},
	{"Dhaka", "Bangladesh", "Asia/Dhaka", namesSouthAsia, 8},
	{"Karachi", "Pakistan", "Asia/Karachi", namesSouthAsia, 8},
	{"Colombo", "Sri Lanka", "Asia/Colombo", namesSouthAsia, 4},
	{"Tokyo", "Japan", "Asia/Tokyo", namesEastAsia, 25},
	{"Seoul", "South Korea", "Asia/Seoul", namesEastAsia, 18},
	{"Shanghai", "China", "Asia/Shanghai", namesEastAsia, 18},
	{"Shenzhen", "China", "Asia/Shanghai", namesEastAsia, 12},
	{"Taipei", "Taiwan", "Asia/Taipei", namesEastAsia, 8},
	{"Hong Kong", "Hong Kong", "Asia/Hong_Kong", namesEastAsia, 8},
	{"Singapore", "Singapore", "Asia/Singapore", namesSoutheastAsia, 18},
	{"Jakarta", "Indonesia", "Asia/Jakarta", namesSoutheastAsia, 12},
	{"Manila", "Philippines", "Asia/Manila", namesSoutheastAsia, 10},
	{"Ho Chi Minh City", "Vietnam", "Asia/Ho_Chi_Minh", namesSoutheastAsia, 10},
	{"Bangkok", "Thailand", "Asia/Bangkok", namesSoutheastAsia, 8},
	{"Kuala Lumpur", "Malaysia", "Asia/Kuala_Lumpur", namesSoutheastAsia, 8},
	{"Sydney", "Australia", "Australia/Sydney", namesAnglo, 18},
	{"Melbourne", "Australia", "Australia/Melbourne", namesAnglo, 14},
	{"Auckland", "New Zealand", "Pacific/Auckland", namesAnglo, 6},
}

// firstNames and lastNames hold, per name set, names common there.
var firstNames = [nameSetCount][]string{
	namesAnglo: {"James", "Emily", "Michael", "Sarah", "David", "Olivia", "Daniel", "Jessica", "Ryan", "Megan",
		"Chris", "Hannah", "Matthew", "Rachel", "Andrew", "Lauren", "Tyler", "Grace", "Nathan", "Chloe",
		"Ethan", "Zoe", "Liam", "Ava", "Jordan", "Madison", "Connor", "Abigail"},
	namesHispanicLusophone: {"Sofía", "Mateo", "Valentina", "Santiago", "Camila", "Sebastián", "Isabella", "Diego", "Lucía", "Nicolás",
		"Mariana", "Gabriel", "Daniela", "Alejandro", "Fernanda", "Andrés", "Carolina", "Felipe", "Paula", "Juan",
		"Ana", "Rafael", "Beatriz", "Thiago", "João", "Inês", "Pedro", "Larissa"},
	namesWesternEurope: {"Lukas", "Emma", "Leon", "Mia", "Felix", "Hanna", "Jonas", "Lea", "Louis", "Camille",
		"Hugo", "Chiara", "Lorenzo", "Giulia", "Matteo", "Sara", "Lars", "Ingrid", "Sven", "Astrid",
		"Niels", "Freya", "Julien", "Amélie", "Maximilian", "Clara", "Bram", "Sanne"},
	namesEasternEurope: {"Jakub", "Anna", "Piotr", "Katarzyna", "Tomasz", "Zuzana", "Ondřej", "Petra", "Andrei", "Ioana",
		"Mihai", "Elena", "Oleksandr", "Olena", "Dmytro", "Iryna", "Marko", "Jelena", "Bence", "Réka",
		"Kristjan", "Liis", "Lukáš", "Agnieszka", "Nikola", "Milica", "Bogdan", "Alina"},
	namesMiddleEast: {"Omar", "Layla", "Youssef", "Nour", "Ahmed", "Fatima", "Karim", "Yasmin", "Tarek", "Rania",
		"Ali", "Mariam", "Noa", "Yael", "Amit", "Tamar", "Emre", "Elif", "Mehmet", "Zeynep",
		"Hassan", "Salma", "Ido", "Dana", "Khaled", "Leila", "Can", "Deniz"},
	namesAfrica: {"Chinedu", "Ngozi", "Oluwaseun", "Adaeze", "Emeka", "Funmilayo", "Kwame", "Ama", "Kofi", "Akosua",
		"Wanjiru", "Kamau", "Achieng", "Otieno", "Thabo", "Lerato", "Sipho", "Naledi", "Jean-Paul", "Aline",
		"Yaw", "Abena", "Tunde", "Zanele", "Chiamaka", "Babajide", "Amara", "Kagiso"},
	namesSouthAsia: {"Aarav", "Priya", "Rohan", "Ananya", "Arjun", "Kavya", "Vikram", "Meera", "Rahul", "Divya",
		"Aditya", "Sneha", "Karthik", "Lakshmi", "Siddharth", "Pooja", "Imran", "Ayesha", "Farhan", "Nadia",
		"Ravi", "Shreya", "Tanvir", "Anjali", "Nikhil", "Deepika", "Sanjay", "Ishita"},
	namesEastAsia: {"Wei", "Li Na", "Hao", "Xin", "Jun", "Mei", "Yuki", "Haruto", "Sakura", "Ren",
		"Aoi", "Kenji", "Min-jun", "Ji-woo", "Seo-yeon", "Ji-ho", "Hyun-woo", "Yu-na", "Ming", "Hiroshi",
		"Emi", "Tae-yang", "Soo-ah", "Jia", "Yichen", "Haruka", "Daiki", "Eun-ji"},
	namesSoutheastAsia: {"Minh", "Linh", "Anh", "Duc", "Thao", "Siti", "Budi", "Dewi", "Agus", "Putri",
		"Rizky", "Maria", "Jose", "Mark", "Angelica", "Paolo", "Somchai", "Siriporn", "Arief", "Nurul",
		"Farah", "Hafiz", "Aisyah", "Kevin", "Trang", "Bayu", "Kamal", "Joy"},
}

var lastNames = [nameSetCount][]string{
	namesAnglo: {"Smith", "Johnson", "Williams", "Brown", "Miller", "Davis", "Wilson", "Taylor", "Anderson", "Thomas",
		"Moore", "Martin", "Thompson", "White", "Harris", "Clark", "Lewis", "Walker", "Hall", "Young",
		"King", "Wright", "Scott", "Green", "Baker", "Campbell", "Murphy", "O'Brien", "Kelly", "Robinson"},
	namesHispanicLusophone: {"García", "Rodríguez", "Martínez", "Hernández", "López", "González", "Pérez", "Sánchez", "Ramírez", "Torres",
		"Flores", "Rivera", "Gómez", "Díaz", "Silva", "Santos", "Oliveira", "Souza", "Costa", "Pereira",
		"Alves", "Castro", "Morales", "Vargas", "Ferreira", "Rocha", "Mendes", "Navarro", "Ortiz", "Herrera"},
	namesWesternEurope: {"Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Becker", "Dubois", "Moreau", "Laurent", "Lefèvre",
		"Rossi", "Russo", "Bianchi", "Romano", "de Vries", "Jansen", "Bakker", "Andersson", "Johansson", "Nielsen",
		"Hansen", "Lindqvist", "Virtanen", "Meyer", "Wagner", "Girard", "Colombo", "Visser", "Berg", "Huber"},
	namesEasternEurope: {"Kowalski", "Nowak", "Wiśniewski", "Wójcik", "Novák", "Svoboda", "Dvořák", "Popescu", "Ionescu", "Dumitru",
		"Shevchenko", "Kovalenko", "Bondarenko", "Petrović", "Jovanović", "Nagy", "Kovács", "Tamm", "Horvat", "Kozak",
		"Lewandowski", "Zieliński", "Černý", "Marin", "Tkachenko", "Szabó", "Saar", "Nikolić", "Stan", "Melnyk"},
	namesMiddleEast: {"Haddad", "Khalil", "Mansour", "Nasser", "Hassan", "Ibrahim", "Saleh", "Farouk", "Aziz", "Cohen",
		"Levi", "Mizrahi", "Friedman", "Yılmaz", "Kaya", "Demir", "Şahin", "Çelik", "Rahman", "Said",
		"Habib", "Darwish", "Karam", "Shapiro", "Avraham", "Aydın", "Özdemir", "Abboud", "Najjar", "Sabbagh"},
	namesAfrica: {"Okafor", "Adeyemi", "Okonkwo", "Balogun", "Eze", "Nwosu", "Mensah", "Owusu", "Boateng", "Asante",
		"Mwangi", "Kariuki", "Odhiambo", "Njoroge", "Nkosi", "Dlamini", "Mokoena", "Ndlovu", "Uwimana", "Habimana",
		"Abubakar", "Bello", "Adebayo", "Osei", "Achieng", "Wambui", "Khumalo", "Mutua", "Nkemelu", "Appiah"},
	namesSouthAsia: {"Sharma", "Patel", "Gupta", "Singh", "Kumar", "Reddy", "Iyer", "Nair", "Rao", "Menon",
		"Joshi", "Mehta", "Desai", "Chatterjee", "Banerjee", "Das", "Khan", "Ahmed", "Hossain", "Chowdhury",
		"Perera", "Fernando", "Pillai", "Krishnan", "Verma", "Agarwal", "Kapoor", "Bhat", "Qureshi", "Siddiqui"},
	namesEastAsia: {"Wang", "Li", "Zhang", "Liu", "Chen", "Yang", "Huang", "Zhao", "Wu", "Zhou",
		"Sato", "Suzuki", "Takahashi", "Tanaka", "Watanabe", "Ito", "Kim", "Lee", "Park", "Choi",
		"Jung", "Kang", "Lin", "Tsai", "Nakamura", "Kobayashi", "Yoon", "Han", "Xu", "Sun"},
	namesSoutheastAsia: {"Nguyen", "Tran", "Le", "Pham", "Hoang", "Vu", "Santoso", "Wijaya", "Hidayat", "Pratama",
		"Saputra", "Reyes", "Cruz", "Bautista", "Ramos", "Mendoza", "Dela Cruz", "Tan", "Lim", "Ong",
		"Abdullah", "Ismail", "Wong", "Chua", "Sukarno", "Villanueva", "Garcia", "Srisai", "Chaiyaporn", "Lee"},
}

// Organization name parts.
var (
	companyPrefixes = []string{
		"Aurora", "Beacon", "Cobalt", "Crimson", "Driftwood", "Ember", "Evergreen", "Falcon", "Fathom", "Granite",
		"Harbor", "Helix", "Horizon", "Ironbark", "Juniper", "Kestrel", "Lattice", "Lumen", "Maple", "Meridian",
		"Monarch", "Nimbus", "Northstar", "Oakridge", "Onyx", "Orbit", "Pinnacle", "Polaris", "Quantum", "Quartz",
		"Redwood", "Riverbend", "Saffron", "Sapphire", "Sequoia", "Silverline", "Solstice", "Sparrow", "Summit", "Tandem",
		"Tidal", "Trellis", "Vantage", "Vertex", "Willow", "Zenith", "Atlas", "Brightpath", "Cedar", "Copperleaf",
		"Deepwater", "Everlight", "Foxglove", "Greenfield", "Highland", "Ivory", "Keystone", "Larkspur", "Moonstone", "Nova",
	}
	companySuffixes = []string{
		"Labs", "Systems", "Software", "Analytics", "Technologies", "Health", "Bank", "Logistics", "Robotics", "Networks",
		"Cloud", "Media", "Energy", "Payments", "Insurance", "Retail", "Games", "Security", "AI", "Mobility",
		"Foods", "Bio", "Capital", "Studios", "Works", "Digital", "Consulting", "Data", "Telecom", "Travel",
	}
	orgTopics = []string{
		"Go", "Python", "Kubernetes", "Data", "Product", "Security", "DevOps", "Frontend", "Machine Learning", "Engineering Leadership",
		"Rust", "Java", "Cloud", "UX", "Startup", "Mentoring", "Career", "SRE", "Analytics", "Open Source",
	}
	communityTemplates   = []string{"%c %t Meetup", "Women in %t %c", "%c %t Guild", "%t Circle %c"}
	universityTemplates  = []string{"University of %c", "%c Institute of Technology", "%c Technical University", "%c School of Business", "%c Polytechnic", "%c Metropolitan University", "%c College of Engineering", "%c State University"}
	associationTemplates = []string{"%n %t Association", "%n Society of %t Professionals", "%n %t Council"}
)
