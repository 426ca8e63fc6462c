//! The one table of nations the whole program reads: ISO 3166-1 alpha-2 codes,
//! English short names, the other names and demonyms articles use, and where the
//! capital lies. `brief import` finds mentions with it, the search lens widens a
//! nation's name with it, the map places capitals from it and `brief validate`
//! checks codes against it. Data only, and the finder over it; nothing here
//! reads files or draws.

use std::sync::OnceLock;

use aho_corasick::{AhoCorasick, MatchKind};

/// One nation.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Nation {
    /// ISO 3166-1 alpha-2.
    pub code: &'static str,
    /// The English short name, as a briefing lists it.
    pub name: &'static str,
    /// Other names that mean the nation: `UK`, `Britain`, `Holland`, `Türkiye`'s `Turkey`.
    pub aliases: &'static [&'static str],
    /// What its people and things are called: `British`, `Norwegian`.
    pub demonyms: &'static [&'static str],
    /// The capital's latitude and longitude, in degrees, rounded.
    pub capital: (f64, f64),
    /// Names that mean something else too (Georgia the state, Jordan the person,
    /// Chad, Niger, Turkey, Guinea): they count only beside a country's context.
    pub ambiguous: &'static [&'static str],
}

/// Every nation, by code.
pub const NATIONS: &[Nation] = &[
    Nation {
        code: "AD",
        name: "Andorra",
        aliases: &[],
        demonyms: &["Andorran"],
        capital: (42.5, 1.5),
        ambiguous: &[],
    },
    Nation {
        code: "AE",
        name: "United Arab Emirates",
        aliases: &["UAE", "U.A.E."],
        demonyms: &["Emirati"],
        capital: (24.5, 54.4),
        ambiguous: &[],
    },
    Nation {
        code: "AF",
        name: "Afghanistan",
        aliases: &[],
        demonyms: &["Afghan"],
        capital: (34.5, 69.2),
        ambiguous: &[],
    },
    Nation {
        code: "AG",
        name: "Antigua and Barbuda",
        aliases: &["Antigua"],
        demonyms: &["Antiguan"],
        capital: (17.1, -61.8),
        ambiguous: &[],
    },
    Nation {
        code: "AL",
        name: "Albania",
        aliases: &[],
        demonyms: &["Albanian"],
        capital: (41.3, 19.8),
        ambiguous: &[],
    },
    Nation {
        code: "AM",
        name: "Armenia",
        aliases: &[],
        demonyms: &["Armenian"],
        capital: (40.2, 44.5),
        ambiguous: &[],
    },
    Nation {
        code: "AO",
        name: "Angola",
        aliases: &[],
        demonyms: &["Angolan"],
        capital: (-8.8, 13.2),
        ambiguous: &[],
    },
    Nation {
        code: "AR",
        name: "Argentina",
        aliases: &[],
        demonyms: &["Argentine", "Argentinian"],
        capital: (-34.6, -58.4),
        ambiguous: &[],
    },
    Nation {
        code: "AT",
        name: "Austria",
        aliases: &[],
        demonyms: &["Austrian"],
        capital: (48.2, 16.4),
        ambiguous: &[],
    },
    Nation {
        code: "AU",
        name: "Australia",
        aliases: &[],
        demonyms: &["Australian"],
        capital: (-35.3, 149.1),
        ambiguous: &[],
    },
    Nation {
        code: "AZ",
        name: "Azerbaijan",
        aliases: &[],
        demonyms: &["Azerbaijani"],
        capital: (40.4, 49.9),
        ambiguous: &[],
    },
    Nation {
        code: "BA",
        name: "Bosnia and Herzegovina",
        aliases: &["Bosnia"],
        demonyms: &["Bosnian"],
        capital: (43.9, 18.4),
        ambiguous: &[],
    },
    Nation {
        code: "BB",
        name: "Barbados",
        aliases: &[],
        demonyms: &["Barbadian"],
        capital: (13.1, -59.6),
        ambiguous: &[],
    },
    Nation {
        code: "BD",
        name: "Bangladesh",
        aliases: &[],
        demonyms: &["Bangladeshi"],
        capital: (23.8, 90.4),
        ambiguous: &[],
    },
    Nation {
        code: "BE",
        name: "Belgium",
        aliases: &[],
        demonyms: &["Belgian"],
        capital: (50.8, 4.4),
        ambiguous: &[],
    },
    Nation {
        code: "BF",
        name: "Burkina Faso",
        aliases: &[],
        demonyms: &["Burkinabe"],
        capital: (12.4, -1.5),
        ambiguous: &[],
    },
    Nation {
        code: "BG",
        name: "Bulgaria",
        aliases: &[],
        demonyms: &["Bulgarian"],
        capital: (42.7, 23.3),
        ambiguous: &[],
    },
    Nation {
        code: "BH",
        name: "Bahrain",
        aliases: &[],
        demonyms: &["Bahraini"],
        capital: (26.2, 50.6),
        ambiguous: &[],
    },
    Nation {
        code: "BI",
        name: "Burundi",
        aliases: &[],
        demonyms: &["Burundian"],
        capital: (-3.4, 29.4),
        ambiguous: &[],
    },
    Nation {
        code: "BJ",
        name: "Benin",
        aliases: &[],
        demonyms: &["Beninese"],
        capital: (6.5, 2.6),
        ambiguous: &[],
    },
    Nation {
        code: "BN",
        name: "Brunei",
        aliases: &["Brunei Darussalam"],
        demonyms: &["Bruneian"],
        capital: (4.9, 114.9),
        ambiguous: &[],
    },
    Nation {
        code: "BO",
        name: "Bolivia",
        aliases: &[],
        demonyms: &["Bolivian"],
        capital: (-16.5, -68.1),
        ambiguous: &[],
    },
    Nation {
        code: "BR",
        name: "Brazil",
        aliases: &[],
        demonyms: &["Brazilian"],
        capital: (-15.8, -47.9),
        ambiguous: &[],
    },
    Nation {
        code: "BS",
        name: "Bahamas",
        aliases: &[],
        demonyms: &["Bahamian"],
        capital: (25.0, -77.3),
        ambiguous: &[],
    },
    Nation {
        code: "BT",
        name: "Bhutan",
        aliases: &[],
        demonyms: &["Bhutanese"],
        capital: (27.5, 89.6),
        ambiguous: &[],
    },
    Nation {
        code: "BW",
        name: "Botswana",
        aliases: &[],
        demonyms: &[],
        capital: (-24.7, 25.9),
        ambiguous: &[],
    },
    Nation {
        code: "BY",
        name: "Belarus",
        aliases: &[],
        demonyms: &["Belarusian"],
        capital: (53.9, 27.6),
        ambiguous: &[],
    },
    Nation {
        code: "BZ",
        name: "Belize",
        aliases: &[],
        demonyms: &["Belizean"],
        capital: (17.3, -88.8),
        ambiguous: &[],
    },
    Nation {
        code: "CA",
        name: "Canada",
        aliases: &[],
        demonyms: &["Canadian"],
        capital: (45.4, -75.7),
        ambiguous: &[],
    },
    Nation {
        code: "CD",
        name: "Democratic Republic of the Congo",
        aliases: &["DR Congo", "DRC", "Congo-Kinshasa"],
        demonyms: &["Congolese"],
        capital: (-4.3, 15.3),
        ambiguous: &[],
    },
    Nation {
        code: "CF",
        name: "Central African Republic",
        aliases: &[],
        demonyms: &["Central African"],
        capital: (4.4, 18.6),
        ambiguous: &[],
    },
    Nation {
        code: "CG",
        name: "Republic of the Congo",
        aliases: &["Congo-Brazzaville"],
        demonyms: &[],
        capital: (-4.3, 15.2),
        ambiguous: &[],
    },
    Nation {
        code: "CH",
        name: "Switzerland",
        aliases: &[],
        demonyms: &["Swiss"],
        capital: (46.9, 7.4),
        ambiguous: &[],
    },
    Nation {
        code: "CI",
        name: "Côte d’Ivoire",
        aliases: &["Côte d'Ivoire", "Ivory Coast"],
        demonyms: &["Ivorian"],
        capital: (6.8, -5.3),
        ambiguous: &[],
    },
    Nation {
        code: "CL",
        name: "Chile",
        aliases: &[],
        demonyms: &["Chilean"],
        capital: (-33.4, -70.7),
        ambiguous: &[],
    },
    Nation {
        code: "CM",
        name: "Cameroon",
        aliases: &[],
        demonyms: &["Cameroonian"],
        capital: (3.9, 11.5),
        ambiguous: &[],
    },
    Nation {
        code: "CN",
        name: "China",
        aliases: &[
            "People’s Republic of China",
            "People's Republic of China",
            "PRC",
        ],
        demonyms: &["Chinese"],
        capital: (39.9, 116.4),
        ambiguous: &[],
    },
    Nation {
        code: "CO",
        name: "Colombia",
        aliases: &[],
        demonyms: &["Colombian"],
        capital: (4.7, -74.1),
        ambiguous: &[],
    },
    Nation {
        code: "CR",
        name: "Costa Rica",
        aliases: &[],
        demonyms: &["Costa Rican"],
        capital: (9.9, -84.1),
        ambiguous: &[],
    },
    Nation {
        code: "CU",
        name: "Cuba",
        aliases: &[],
        demonyms: &["Cuban"],
        capital: (23.1, -82.4),
        ambiguous: &[],
    },
    Nation {
        code: "CV",
        name: "Cabo Verde",
        aliases: &["Cape Verde"],
        demonyms: &["Cape Verdean"],
        capital: (14.9, -23.5),
        ambiguous: &[],
    },
    Nation {
        code: "CY",
        name: "Cyprus",
        aliases: &[],
        demonyms: &["Cypriot"],
        capital: (35.2, 33.4),
        ambiguous: &[],
    },
    Nation {
        code: "CZ",
        name: "Czechia",
        aliases: &["Czech Republic"],
        demonyms: &["Czech"],
        capital: (50.1, 14.4),
        ambiguous: &[],
    },
    Nation {
        code: "DE",
        name: "Germany",
        aliases: &[],
        demonyms: &["German"],
        capital: (52.5, 13.4),
        ambiguous: &[],
    },
    Nation {
        code: "DJ",
        name: "Djibouti",
        aliases: &[],
        demonyms: &["Djiboutian"],
        capital: (11.6, 43.1),
        ambiguous: &[],
    },
    Nation {
        code: "DK",
        name: "Denmark",
        aliases: &[],
        demonyms: &["Danish", "Dane"],
        capital: (55.7, 12.6),
        ambiguous: &[],
    },
    Nation {
        code: "DM",
        name: "Dominica",
        aliases: &[],
        demonyms: &[],
        capital: (15.3, -61.4),
        ambiguous: &[],
    },
    Nation {
        code: "DO",
        name: "Dominican Republic",
        aliases: &[],
        demonyms: &[],
        capital: (18.5, -69.9),
        ambiguous: &[],
    },
    Nation {
        code: "DZ",
        name: "Algeria",
        aliases: &[],
        demonyms: &["Algerian"],
        capital: (36.8, 3.1),
        ambiguous: &[],
    },
    Nation {
        code: "EC",
        name: "Ecuador",
        aliases: &[],
        demonyms: &["Ecuadorian"],
        capital: (-0.2, -78.5),
        ambiguous: &[],
    },
    Nation {
        code: "EE",
        name: "Estonia",
        aliases: &[],
        demonyms: &["Estonian"],
        capital: (59.4, 24.7),
        ambiguous: &[],
    },
    Nation {
        code: "EG",
        name: "Egypt",
        aliases: &[],
        demonyms: &["Egyptian"],
        capital: (30.0, 31.2),
        ambiguous: &[],
    },
    Nation {
        code: "ER",
        name: "Eritrea",
        aliases: &[],
        demonyms: &["Eritrean"],
        capital: (15.3, 38.9),
        ambiguous: &[],
    },
    Nation {
        code: "ES",
        name: "Spain",
        aliases: &[],
        demonyms: &["Spanish", "Spaniard"],
        capital: (40.4, -3.7),
        ambiguous: &[],
    },
    Nation {
        code: "ET",
        name: "Ethiopia",
        aliases: &[],
        demonyms: &["Ethiopian"],
        capital: (9.0, 38.7),
        ambiguous: &[],
    },
    Nation {
        code: "FI",
        name: "Finland",
        aliases: &[],
        demonyms: &["Finnish", "Finn"],
        capital: (60.2, 24.9),
        ambiguous: &[],
    },
    Nation {
        code: "FJ",
        name: "Fiji",
        aliases: &[],
        demonyms: &["Fijian"],
        capital: (-18.1, 178.4),
        ambiguous: &[],
    },
    Nation {
        code: "FM",
        name: "Micronesia",
        aliases: &["Federated States of Micronesia"],
        demonyms: &["Micronesian"],
        capital: (6.9, 158.2),
        ambiguous: &[],
    },
    Nation {
        code: "FR",
        name: "France",
        aliases: &[],
        demonyms: &["French"],
        capital: (48.9, 2.4),
        ambiguous: &[],
    },
    Nation {
        code: "GA",
        name: "Gabon",
        aliases: &[],
        demonyms: &["Gabonese"],
        capital: (0.4, 9.5),
        ambiguous: &[],
    },
    Nation {
        code: "GB",
        name: "United Kingdom",
        aliases: &[
            "UK",
            "U.K.",
            "Britain",
            "Great Britain",
            "United Kingdom of Great Britain and Northern Ireland",
        ],
        demonyms: &["British", "Briton"],
        capital: (51.5, -0.1),
        ambiguous: &[],
    },
    Nation {
        code: "GD",
        name: "Grenada",
        aliases: &[],
        demonyms: &["Grenadian"],
        capital: (12.1, -61.7),
        ambiguous: &[],
    },
    Nation {
        code: "GE",
        name: "Georgia",
        aliases: &[],
        demonyms: &["Georgian"],
        capital: (41.7, 44.8),
        ambiguous: &["Georgia", "Georgian"],
    },
    Nation {
        code: "GH",
        name: "Ghana",
        aliases: &[],
        demonyms: &["Ghanaian"],
        capital: (5.6, -0.2),
        ambiguous: &[],
    },
    Nation {
        code: "GM",
        name: "Gambia",
        aliases: &[],
        demonyms: &["Gambian"],
        capital: (13.5, -16.6),
        ambiguous: &[],
    },
    Nation {
        code: "GN",
        name: "Guinea",
        aliases: &[],
        demonyms: &["Guinean"],
        capital: (9.5, -13.7),
        ambiguous: &["Guinea"],
    },
    Nation {
        code: "GQ",
        name: "Equatorial Guinea",
        aliases: &[],
        demonyms: &["Equatoguinean"],
        capital: (3.8, 8.8),
        ambiguous: &[],
    },
    Nation {
        code: "GR",
        name: "Greece",
        aliases: &[],
        demonyms: &["Greek"],
        capital: (38.0, 23.7),
        ambiguous: &[],
    },
    Nation {
        code: "GT",
        name: "Guatemala",
        aliases: &[],
        demonyms: &["Guatemalan"],
        capital: (14.6, -90.5),
        ambiguous: &[],
    },
    Nation {
        code: "GW",
        name: "Guinea-Bissau",
        aliases: &[],
        demonyms: &[],
        capital: (11.9, -15.6),
        ambiguous: &[],
    },
    Nation {
        code: "GY",
        name: "Guyana",
        aliases: &[],
        demonyms: &["Guyanese"],
        capital: (6.8, -58.2),
        ambiguous: &[],
    },
    Nation {
        code: "HN",
        name: "Honduras",
        aliases: &[],
        demonyms: &["Honduran"],
        capital: (14.1, -87.2),
        ambiguous: &[],
    },
    Nation {
        code: "HR",
        name: "Croatia",
        aliases: &[],
        demonyms: &["Croatian"],
        capital: (45.8, 16.0),
        ambiguous: &[],
    },
    Nation {
        code: "HT",
        name: "Haiti",
        aliases: &[],
        demonyms: &["Haitian"],
        capital: (18.5, -72.3),
        ambiguous: &[],
    },
    Nation {
        code: "HU",
        name: "Hungary",
        aliases: &[],
        demonyms: &["Hungarian"],
        capital: (47.5, 19.0),
        ambiguous: &[],
    },
    Nation {
        code: "ID",
        name: "Indonesia",
        aliases: &[],
        demonyms: &["Indonesian"],
        capital: (-6.2, 106.8),
        ambiguous: &[],
    },
    Nation {
        code: "IE",
        name: "Ireland",
        aliases: &["Republic of Ireland"],
        demonyms: &["Irish"],
        capital: (53.3, -6.3),
        ambiguous: &[],
    },
    Nation {
        code: "IL",
        name: "Israel",
        aliases: &[],
        demonyms: &["Israeli"],
        capital: (31.8, 35.2),
        ambiguous: &[],
    },
    Nation {
        code: "IN",
        name: "India",
        aliases: &[],
        demonyms: &["Indian"],
        capital: (28.6, 77.2),
        ambiguous: &[],
    },
    Nation {
        code: "IQ",
        name: "Iraq",
        aliases: &[],
        demonyms: &["Iraqi"],
        capital: (33.3, 44.4),
        ambiguous: &[],
    },
    Nation {
        code: "IR",
        name: "Iran",
        aliases: &[],
        demonyms: &["Iranian"],
        capital: (35.7, 51.4),
        ambiguous: &[],
    },
    Nation {
        code: "IS",
        name: "Iceland",
        aliases: &[],
        demonyms: &["Icelandic"],
        capital: (64.1, -21.9),
        ambiguous: &[],
    },
    Nation {
        code: "IT",
        name: "Italy",
        aliases: &[],
        demonyms: &["Italian"],
        capital: (41.9, 12.5),
        ambiguous: &[],
    },
    Nation {
        code: "JM",
        name: "Jamaica",
        aliases: &[],
        demonyms: &["Jamaican"],
        capital: (18.0, -76.8),
        ambiguous: &[],
    },
    Nation {
        code: "JO",
        name: "Jordan",
        aliases: &[],
        demonyms: &["Jordanian"],
        capital: (31.9, 35.9),
        ambiguous: &["Jordan"],
    },
    Nation {
        code: "JP",
        name: "Japan",
        aliases: &[],
        demonyms: &["Japanese"],
        capital: (35.7, 139.7),
        ambiguous: &[],
    },
    Nation {
        code: "KE",
        name: "Kenya",
        aliases: &[],
        demonyms: &["Kenyan"],
        capital: (-1.3, 36.8),
        ambiguous: &[],
    },
    Nation {
        code: "KG",
        name: "Kyrgyzstan",
        aliases: &[],
        demonyms: &["Kyrgyz"],
        capital: (42.9, 74.6),
        ambiguous: &[],
    },
    Nation {
        code: "KH",
        name: "Cambodia",
        aliases: &[],
        demonyms: &["Cambodian"],
        capital: (11.6, 104.9),
        ambiguous: &[],
    },
    Nation {
        code: "KI",
        name: "Kiribati",
        aliases: &[],
        demonyms: &[],
        capital: (1.3, 173.0),
        ambiguous: &[],
    },
    Nation {
        code: "KM",
        name: "Comoros",
        aliases: &[],
        demonyms: &["Comorian"],
        capital: (-11.7, 43.3),
        ambiguous: &[],
    },
    Nation {
        code: "KN",
        name: "Saint Kitts and Nevis",
        aliases: &[],
        demonyms: &[],
        capital: (17.3, -62.7),
        ambiguous: &[],
    },
    Nation {
        code: "KP",
        name: "North Korea",
        aliases: &[
            "DPRK",
            "Democratic People’s Republic of Korea",
            "Democratic People's Republic of Korea",
        ],
        demonyms: &["North Korean"],
        capital: (39.0, 125.8),
        ambiguous: &[],
    },
    Nation {
        code: "KR",
        name: "South Korea",
        aliases: &["Republic of Korea", "ROK"],
        demonyms: &["South Korean"],
        capital: (37.6, 127.0),
        ambiguous: &[],
    },
    Nation {
        code: "KW",
        name: "Kuwait",
        aliases: &[],
        demonyms: &["Kuwaiti"],
        capital: (29.4, 48.0),
        ambiguous: &[],
    },
    Nation {
        code: "KZ",
        name: "Kazakhstan",
        aliases: &[],
        demonyms: &["Kazakh"],
        capital: (51.2, 71.4),
        ambiguous: &[],
    },
    Nation {
        code: "LA",
        name: "Laos",
        aliases: &["Lao PDR"],
        demonyms: &["Laotian"],
        capital: (18.0, 102.6),
        ambiguous: &[],
    },
    Nation {
        code: "LB",
        name: "Lebanon",
        aliases: &[],
        demonyms: &["Lebanese"],
        capital: (33.9, 35.5),
        ambiguous: &[],
    },
    Nation {
        code: "LC",
        name: "Saint Lucia",
        aliases: &[],
        demonyms: &[],
        capital: (14.0, -61.0),
        ambiguous: &[],
    },
    Nation {
        code: "LI",
        name: "Liechtenstein",
        aliases: &[],
        demonyms: &[],
        capital: (47.1, 9.5),
        ambiguous: &[],
    },
    Nation {
        code: "LK",
        name: "Sri Lanka",
        aliases: &[],
        demonyms: &["Sri Lankan"],
        capital: (6.9, 79.9),
        ambiguous: &[],
    },
    Nation {
        code: "LR",
        name: "Liberia",
        aliases: &[],
        demonyms: &["Liberian"],
        capital: (6.3, -10.8),
        ambiguous: &[],
    },
    Nation {
        code: "LS",
        name: "Lesotho",
        aliases: &[],
        demonyms: &[],
        capital: (-29.3, 27.5),
        ambiguous: &[],
    },
    Nation {
        code: "LT",
        name: "Lithuania",
        aliases: &[],
        demonyms: &["Lithuanian"],
        capital: (54.7, 25.3),
        ambiguous: &[],
    },
    Nation {
        code: "LU",
        name: "Luxembourg",
        aliases: &[],
        demonyms: &[],
        capital: (49.6, 6.1),
        ambiguous: &[],
    },
    Nation {
        code: "LV",
        name: "Latvia",
        aliases: &[],
        demonyms: &["Latvian"],
        capital: (56.9, 24.1),
        ambiguous: &[],
    },
    Nation {
        code: "LY",
        name: "Libya",
        aliases: &[],
        demonyms: &["Libyan"],
        capital: (32.9, 13.2),
        ambiguous: &[],
    },
    Nation {
        code: "MA",
        name: "Morocco",
        aliases: &[],
        demonyms: &["Moroccan"],
        capital: (34.0, -6.8),
        ambiguous: &[],
    },
    Nation {
        code: "MC",
        name: "Monaco",
        aliases: &[],
        demonyms: &["Monegasque"],
        capital: (43.7, 7.4),
        ambiguous: &[],
    },
    Nation {
        code: "MD",
        name: "Moldova",
        aliases: &[],
        demonyms: &["Moldovan"],
        capital: (47.0, 28.9),
        ambiguous: &[],
    },
    Nation {
        code: "ME",
        name: "Montenegro",
        aliases: &[],
        demonyms: &["Montenegrin"],
        capital: (42.4, 19.3),
        ambiguous: &[],
    },
    Nation {
        code: "MG",
        name: "Madagascar",
        aliases: &[],
        demonyms: &["Malagasy"],
        capital: (-18.9, 47.5),
        ambiguous: &[],
    },
    Nation {
        code: "MH",
        name: "Marshall Islands",
        aliases: &[],
        demonyms: &[],
        capital: (7.1, 171.4),
        ambiguous: &[],
    },
    Nation {
        code: "MK",
        name: "North Macedonia",
        aliases: &["Macedonia"],
        demonyms: &["Macedonian"],
        capital: (42.0, 21.4),
        ambiguous: &[],
    },
    Nation {
        code: "ML",
        name: "Mali",
        aliases: &[],
        demonyms: &["Malian"],
        capital: (12.6, -8.0),
        ambiguous: &[],
    },
    Nation {
        code: "MM",
        name: "Myanmar",
        aliases: &["Burma"],
        demonyms: &["Burmese"],
        capital: (19.8, 96.1),
        ambiguous: &[],
    },
    Nation {
        code: "MN",
        name: "Mongolia",
        aliases: &[],
        demonyms: &["Mongolian"],
        capital: (47.9, 106.9),
        ambiguous: &[],
    },
    Nation {
        code: "MR",
        name: "Mauritania",
        aliases: &[],
        demonyms: &["Mauritanian"],
        capital: (18.1, -16.0),
        ambiguous: &[],
    },
    Nation {
        code: "MT",
        name: "Malta",
        aliases: &[],
        demonyms: &["Maltese"],
        capital: (35.9, 14.5),
        ambiguous: &[],
    },
    Nation {
        code: "MU",
        name: "Mauritius",
        aliases: &[],
        demonyms: &["Mauritian"],
        capital: (-20.2, 57.5),
        ambiguous: &[],
    },
    Nation {
        code: "MV",
        name: "Maldives",
        aliases: &[],
        demonyms: &["Maldivian"],
        capital: (4.2, 73.5),
        ambiguous: &[],
    },
    Nation {
        code: "MW",
        name: "Malawi",
        aliases: &[],
        demonyms: &["Malawian"],
        capital: (-14.0, 33.8),
        ambiguous: &[],
    },
    Nation {
        code: "MX",
        name: "Mexico",
        aliases: &[],
        demonyms: &["Mexican"],
        capital: (19.4, -99.1),
        ambiguous: &[],
    },
    Nation {
        code: "MY",
        name: "Malaysia",
        aliases: &[],
        demonyms: &["Malaysian"],
        capital: (3.1, 101.7),
        ambiguous: &[],
    },
    Nation {
        code: "MZ",
        name: "Mozambique",
        aliases: &[],
        demonyms: &["Mozambican"],
        capital: (-26.0, 32.6),
        ambiguous: &[],
    },
    Nation {
        code: "NA",
        name: "Namibia",
        aliases: &[],
        demonyms: &["Namibian"],
        capital: (-22.6, 17.1),
        ambiguous: &[],
    },
    Nation {
        code: "NE",
        name: "Niger",
        aliases: &[],
        demonyms: &["Nigerien"],
        capital: (13.5, 2.1),
        ambiguous: &["Niger"],
    },
    Nation {
        code: "NG",
        name: "Nigeria",
        aliases: &[],
        demonyms: &["Nigerian"],
        capital: (9.1, 7.4),
        ambiguous: &[],
    },
    Nation {
        code: "NI",
        name: "Nicaragua",
        aliases: &[],
        demonyms: &["Nicaraguan"],
        capital: (12.1, -86.3),
        ambiguous: &[],
    },
    Nation {
        code: "NL",
        name: "Netherlands",
        aliases: &["Holland"],
        demonyms: &["Dutch"],
        capital: (52.4, 4.9),
        ambiguous: &[],
    },
    Nation {
        code: "NO",
        name: "Norway",
        aliases: &[],
        demonyms: &["Norwegian"],
        capital: (59.9, 10.8),
        ambiguous: &[],
    },
    Nation {
        code: "NP",
        name: "Nepal",
        aliases: &[],
        demonyms: &["Nepalese", "Nepali"],
        capital: (27.7, 85.3),
        ambiguous: &[],
    },
    Nation {
        code: "NR",
        name: "Nauru",
        aliases: &[],
        demonyms: &[],
        capital: (-0.5, 166.9),
        ambiguous: &[],
    },
    Nation {
        code: "NZ",
        name: "New Zealand",
        aliases: &["Aotearoa"],
        demonyms: &["New Zealander"],
        capital: (-41.3, 174.8),
        ambiguous: &[],
    },
    Nation {
        code: "OM",
        name: "Oman",
        aliases: &[],
        demonyms: &["Omani"],
        capital: (23.6, 58.4),
        ambiguous: &[],
    },
    Nation {
        code: "PA",
        name: "Panama",
        aliases: &[],
        demonyms: &["Panamanian"],
        capital: (9.0, -79.5),
        ambiguous: &[],
    },
    Nation {
        code: "PE",
        name: "Peru",
        aliases: &[],
        demonyms: &["Peruvian"],
        capital: (-12.0, -77.0),
        ambiguous: &[],
    },
    Nation {
        code: "PG",
        name: "Papua New Guinea",
        aliases: &[],
        demonyms: &[],
        capital: (-9.4, 147.2),
        ambiguous: &[],
    },
    Nation {
        code: "PH",
        name: "Philippines",
        aliases: &[],
        demonyms: &["Filipino"],
        capital: (14.6, 121.0),
        ambiguous: &[],
    },
    Nation {
        code: "PK",
        name: "Pakistan",
        aliases: &[],
        demonyms: &["Pakistani"],
        capital: (33.7, 73.1),
        ambiguous: &[],
    },
    Nation {
        code: "PL",
        name: "Poland",
        aliases: &[],
        demonyms: &["Polish"],
        capital: (52.2, 21.0),
        ambiguous: &[],
    },
    Nation {
        code: "PS",
        name: "Palestine",
        aliases: &["State of Palestine"],
        demonyms: &["Palestinian"],
        capital: (31.9, 35.2),
        ambiguous: &[],
    },
    Nation {
        code: "PT",
        name: "Portugal",
        aliases: &[],
        demonyms: &["Portuguese"],
        capital: (38.7, -9.1),
        ambiguous: &[],
    },
    Nation {
        code: "PW",
        name: "Palau",
        aliases: &[],
        demonyms: &[],
        capital: (7.5, 134.6),
        ambiguous: &[],
    },
    Nation {
        code: "PY",
        name: "Paraguay",
        aliases: &[],
        demonyms: &["Paraguayan"],
        capital: (-25.3, -57.6),
        ambiguous: &[],
    },
    Nation {
        code: "QA",
        name: "Qatar",
        aliases: &[],
        demonyms: &["Qatari"],
        capital: (25.3, 51.5),
        ambiguous: &[],
    },
    Nation {
        code: "RO",
        name: "Romania",
        aliases: &[],
        demonyms: &["Romanian"],
        capital: (44.4, 26.1),
        ambiguous: &[],
    },
    Nation {
        code: "RS",
        name: "Serbia",
        aliases: &[],
        demonyms: &["Serbian"],
        capital: (44.8, 20.5),
        ambiguous: &[],
    },
    Nation {
        code: "RU",
        name: "Russia",
        aliases: &["Russian Federation"],
        demonyms: &["Russian"],
        capital: (55.8, 37.6),
        ambiguous: &[],
    },
    Nation {
        code: "RW",
        name: "Rwanda",
        aliases: &[],
        demonyms: &["Rwandan"],
        capital: (-1.9, 30.1),
        ambiguous: &[],
    },
    Nation {
        code: "SA",
        name: "Saudi Arabia",
        aliases: &[],
        demonyms: &["Saudi"],
        capital: (24.7, 46.7),
        ambiguous: &[],
    },
    Nation {
        code: "SB",
        name: "Solomon Islands",
        aliases: &[],
        demonyms: &[],
        capital: (-9.4, 160.0),
        ambiguous: &[],
    },
    Nation {
        code: "SC",
        name: "Seychelles",
        aliases: &[],
        demonyms: &[],
        capital: (-4.6, 55.5),
        ambiguous: &[],
    },
    Nation {
        code: "SD",
        name: "Sudan",
        aliases: &[],
        demonyms: &["Sudanese"],
        capital: (15.6, 32.5),
        ambiguous: &[],
    },
    Nation {
        code: "SE",
        name: "Sweden",
        aliases: &[],
        demonyms: &["Swedish"],
        capital: (59.3, 18.1),
        ambiguous: &[],
    },
    Nation {
        code: "SG",
        name: "Singapore",
        aliases: &[],
        demonyms: &["Singaporean"],
        capital: (1.3, 103.8),
        ambiguous: &[],
    },
    Nation {
        code: "SI",
        name: "Slovenia",
        aliases: &[],
        demonyms: &["Slovenian"],
        capital: (46.1, 14.5),
        ambiguous: &[],
    },
    Nation {
        code: "SK",
        name: "Slovakia",
        aliases: &[],
        demonyms: &["Slovak"],
        capital: (48.1, 17.1),
        ambiguous: &[],
    },
    Nation {
        code: "SL",
        name: "Sierra Leone",
        aliases: &[],
        demonyms: &[],
        capital: (8.5, -13.2),
        ambiguous: &[],
    },
    Nation {
        code: "SM",
        name: "San Marino",
        aliases: &[],
        demonyms: &[],
        capital: (43.9, 12.4),
        ambiguous: &[],
    },
    Nation {
        code: "SN",
        name: "Senegal",
        aliases: &[],
        demonyms: &["Senegalese"],
        capital: (14.7, -17.5),
        ambiguous: &[],
    },
    Nation {
        code: "SO",
        name: "Somalia",
        aliases: &[],
        demonyms: &["Somali"],
        capital: (2.0, 45.3),
        ambiguous: &[],
    },
    Nation {
        code: "SR",
        name: "Suriname",
        aliases: &[],
        demonyms: &[],
        capital: (5.9, -55.2),
        ambiguous: &[],
    },
    Nation {
        code: "SS",
        name: "South Sudan",
        aliases: &[],
        demonyms: &["South Sudanese"],
        capital: (4.9, 31.6),
        ambiguous: &[],
    },
    Nation {
        code: "ST",
        name: "São Tomé and Príncipe",
        aliases: &["Sao Tome and Principe"],
        demonyms: &[],
        capital: (0.3, 6.7),
        ambiguous: &[],
    },
    Nation {
        code: "SV",
        name: "El Salvador",
        aliases: &[],
        demonyms: &["Salvadoran"],
        capital: (13.7, -89.2),
        ambiguous: &[],
    },
    Nation {
        code: "SY",
        name: "Syria",
        aliases: &[],
        demonyms: &["Syrian"],
        capital: (33.5, 36.3),
        ambiguous: &[],
    },
    Nation {
        code: "SZ",
        name: "Eswatini",
        aliases: &["Swaziland"],
        demonyms: &[],
        capital: (-26.3, 31.1),
        ambiguous: &[],
    },
    Nation {
        code: "TD",
        name: "Chad",
        aliases: &[],
        demonyms: &["Chadian"],
        capital: (12.1, 15.0),
        ambiguous: &["Chad"],
    },
    Nation {
        code: "TG",
        name: "Togo",
        aliases: &[],
        demonyms: &["Togolese"],
        capital: (6.1, 1.2),
        ambiguous: &[],
    },
    Nation {
        code: "TH",
        name: "Thailand",
        aliases: &[],
        demonyms: &["Thai"],
        capital: (13.8, 100.5),
        ambiguous: &[],
    },
    Nation {
        code: "TJ",
        name: "Tajikistan",
        aliases: &[],
        demonyms: &["Tajik"],
        capital: (38.6, 68.8),
        ambiguous: &[],
    },
    Nation {
        code: "TL",
        name: "Timor-Leste",
        aliases: &["East Timor"],
        demonyms: &[],
        capital: (-8.6, 125.6),
        ambiguous: &[],
    },
    Nation {
        code: "TM",
        name: "Turkmenistan",
        aliases: &[],
        demonyms: &["Turkmen"],
        capital: (37.9, 58.4),
        ambiguous: &[],
    },
    Nation {
        code: "TN",
        name: "Tunisia",
        aliases: &[],
        demonyms: &["Tunisian"],
        capital: (36.8, 10.2),
        ambiguous: &[],
    },
    Nation {
        code: "TO",
        name: "Tonga",
        aliases: &[],
        demonyms: &["Tongan"],
        capital: (-21.1, -175.2),
        ambiguous: &[],
    },
    Nation {
        code: "TR",
        name: "Türkiye",
        aliases: &["Turkey"],
        demonyms: &["Turkish"],
        capital: (39.9, 32.9),
        ambiguous: &["Turkey"],
    },
    Nation {
        code: "TT",
        name: "Trinidad and Tobago",
        aliases: &[],
        demonyms: &[],
        capital: (10.7, -61.5),
        ambiguous: &[],
    },
    Nation {
        code: "TV",
        name: "Tuvalu",
        aliases: &[],
        demonyms: &[],
        capital: (-8.5, 179.2),
        ambiguous: &[],
    },
    Nation {
        code: "TW",
        name: "Taiwan",
        aliases: &[],
        demonyms: &["Taiwanese"],
        capital: (25.0, 121.5),
        ambiguous: &[],
    },
    Nation {
        code: "TZ",
        name: "Tanzania",
        aliases: &[],
        demonyms: &["Tanzanian"],
        capital: (-6.2, 35.7),
        ambiguous: &[],
    },
    Nation {
        code: "UA",
        name: "Ukraine",
        aliases: &[],
        demonyms: &["Ukrainian"],
        capital: (50.5, 30.5),
        ambiguous: &[],
    },
    Nation {
        code: "UG",
        name: "Uganda",
        aliases: &[],
        demonyms: &["Ugandan"],
        capital: (0.3, 32.6),
        ambiguous: &[],
    },
    Nation {
        code: "US",
        name: "United States",
        aliases: &[
            "US",
            "U.S.",
            "USA",
            "U.S.A.",
            "United States of America",
            "America",
        ],
        demonyms: &["American"],
        capital: (38.9, -77.0),
        ambiguous: &[],
    },
    Nation {
        code: "UY",
        name: "Uruguay",
        aliases: &[],
        demonyms: &["Uruguayan"],
        capital: (-34.9, -56.2),
        ambiguous: &[],
    },
    Nation {
        code: "UZ",
        name: "Uzbekistan",
        aliases: &[],
        demonyms: &["Uzbek"],
        capital: (41.3, 69.2),
        ambiguous: &[],
    },
    Nation {
        code: "VA",
        name: "Holy See",
        aliases: &["Vatican City", "Vatican"],
        demonyms: &[],
        capital: (41.9, 12.5),
        ambiguous: &[],
    },
    Nation {
        code: "VC",
        name: "Saint Vincent and the Grenadines",
        aliases: &[],
        demonyms: &[],
        capital: (13.2, -61.2),
        ambiguous: &[],
    },
    Nation {
        code: "VE",
        name: "Venezuela",
        aliases: &[],
        demonyms: &["Venezuelan"],
        capital: (10.5, -66.9),
        ambiguous: &[],
    },
    Nation {
        code: "VN",
        name: "Vietnam",
        aliases: &["Viet Nam"],
        demonyms: &["Vietnamese"],
        capital: (21.0, 105.8),
        ambiguous: &[],
    },
    Nation {
        code: "VU",
        name: "Vanuatu",
        aliases: &[],
        demonyms: &[],
        capital: (-17.7, 168.3),
        ambiguous: &[],
    },
    Nation {
        code: "WS",
        name: "Samoa",
        aliases: &[],
        demonyms: &["Samoan"],
        capital: (-13.8, -171.8),
        ambiguous: &[],
    },
    Nation {
        code: "XK",
        name: "Kosovo",
        aliases: &[],
        demonyms: &["Kosovar"],
        capital: (42.7, 21.2),
        ambiguous: &[],
    },
    Nation {
        code: "YE",
        name: "Yemen",
        aliases: &[],
        demonyms: &["Yemeni"],
        capital: (15.4, 44.2),
        ambiguous: &[],
    },
    Nation {
        code: "ZA",
        name: "South Africa",
        aliases: &[],
        demonyms: &["South African"],
        capital: (-25.7, 28.2),
        ambiguous: &[],
    },
    Nation {
        code: "ZM",
        name: "Zambia",
        aliases: &[],
        demonyms: &["Zambian"],
        capital: (-15.4, 28.3),
        ambiguous: &[],
    },
    Nation {
        code: "ZW",
        name: "Zimbabwe",
        aliases: &[],
        demonyms: &["Zimbabwean"],
        capital: (-17.8, 31.0),
        ambiguous: &[],
    },
    Nation {
        code: "HK",
        name: "Hong Kong",
        aliases: &[],
        demonyms: &[],
        capital: (22.3, 114.2),
        ambiguous: &[],
    },
    Nation {
        code: "GL",
        name: "Greenland",
        aliases: &[],
        demonyms: &["Greenlandic"],
        capital: (64.2, -51.7),
        ambiguous: &[],
    },
    Nation {
        code: "PR",
        name: "Puerto Rico",
        aliases: &[],
        demonyms: &["Puerto Rican"],
        capital: (18.5, -66.1),
        ambiguous: &[],
    },
];

/// Names built on a nation's name or demonym that name no nation: seas, gulfs,
/// deltas, provinces. Found as one phrase, so the nation inside is not.
const NOT_NATIONS: &[&str] = &[
    "Gulf of Guinea",
    "Niger Delta",
    "Niger River",
    "Norwegian Sea",
    "South China Sea",
    "East China Sea",
    "Sea of Japan",
    "Irish Sea",
    "Arabian Sea",
    "Gulf of Mexico",
    "New Mexico",
    "British Columbia",
    "Indian Ocean",
    "Jordan River",
    "Latin America",
    "South Australia",
    "Western Australia",
    "Northern Ireland",
    "Korean Peninsula",
    "South America",
    "North America",
    "Central America",
    "the Americas",
    "Dominican Order",
];

/// The nation with this code.
pub fn by_code(code: &str) -> Option<&'static Nation> {
    NATIONS.iter().find(|n| n.code == code)
}

/// The nation with this name, alias or demonym, matched exactly or ignoring case
/// (`nation:Japan`, `nation:japan`).
pub fn by_name(name: &str) -> Option<&'static Nation> {
    NATIONS.iter().find(|n| {
        std::iter::once(&n.name)
            .chain(n.aliases)
            .chain(n.demonyms)
            .any(|term| term.eq_ignore_ascii_case(name) || *term == name)
    })
}

/// What else an article may call the nation with `code`: its aliases, then its demonyms.
pub fn other_names(code: &str) -> impl Iterator<Item = &'static str> + use<> {
    by_code(code)
        .into_iter()
        .flat_map(|n| n.aliases.iter().chain(n.demonyms).copied())
}

/// One mention of a nation in a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Mention {
    /// The nation's code.
    pub code: &'static str,
    /// Where the words stand in the text, in bytes.
    pub start: usize,
    /// Where they end.
    pub end: usize,
    /// Whether the words also mean something else (see `Nation::ambiguous`).
    pub ambiguous: bool,
}

/// What each pattern of the finder stands for.
enum Term {
    Nation(&'static Nation, bool),
    NotANation,
}

struct Finder {
    automaton: AhoCorasick,
    terms: Vec<Term>,
}

fn finder() -> &'static Finder {
    static FINDER: OnceLock<Finder> = OnceLock::new();
    FINDER.get_or_init(|| {
        let mut patterns = Vec::new();
        let mut terms = Vec::new();
        for n in NATIONS {
            for term in std::iter::once(&n.name).chain(n.aliases).chain(n.demonyms) {
                patterns.push(*term);
                terms.push(Term::Nation(n, false));
            }
            for term in n.ambiguous {
                // The ambiguous names are the nation's name or alias too; the
                // flag, not a second pattern, marks them.
                match patterns.iter().position(|p| p == term) {
                    Some(at) => terms[at] = Term::Nation(n, true),
                    None => {
                        patterns.push(*term);
                        terms.push(Term::Nation(n, true));
                    }
                }
            }
        }
        for phrase in NOT_NATIONS {
            patterns.push(*phrase);
            terms.push(Term::NotANation);
        }
        // The table is fixed: building its automaton cannot fail.
        #[allow(clippy::expect_used, reason = "a constant table of short patterns")]
        let automaton = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .build(&patterns)
            .expect("the nation table builds an automaton");
        Finder { automaton, terms }
    })
}

/// Every mention of a nation in `text`, in order: whole words only (`UK` in
/// `the UK’s`, never in `AUKUS`; `US` but never `us`), the longest name where
/// names overlap (`Equatorial Guinea`, not `Guinea`), and never inside a name
/// that is no nation (`the Gulf of Guinea`).
pub fn mentions(text: &str) -> Vec<Mention> {
    let finder = finder();
    finder
        .automaton
        .find_iter(text)
        .filter(|m| is_whole_word(text, m.start(), m.end()))
        .filter_map(|m| match finder.terms[m.pattern().as_usize()] {
            Term::Nation(n, ambiguous) => Some(Mention {
                code: n.code,
                start: m.start(),
                end: m.end(),
                ambiguous,
            }),
            Term::NotANation => None,
        })
        .collect()
}

/// Whether `text[start..end]` stands alone: no letter or digit touches it.
fn is_whole_word(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].chars().next_back();
    let after = text[end..].chars().next();
    !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_code_is_unique_well_formed_and_its_capital_on_the_globe() {
        let mut codes: Vec<_> = NATIONS.iter().map(|n| n.code).collect();
        codes.sort_unstable();
        let before = codes.len();
        codes.dedup();
        assert_eq!(before, codes.len(), "a code appears twice");
        for n in NATIONS {
            assert!(crate::briefing::is_nation_code(n.code), "{}", n.code);
            let (lat, lon) = n.capital;
            assert!(
                (-90.0..=90.0).contains(&lat) && (-180.0..=180.0).contains(&lon),
                "{}",
                n.code
            );
        }
    }

    #[test]
    fn every_name_alias_and_demonym_resolves_to_its_own_nation() {
        for n in NATIONS {
            for term in std::iter::once(&n.name).chain(n.aliases).chain(n.demonyms) {
                let found = mentions(&format!("In {term} today."));
                assert_eq!(
                    found.iter().map(|m| m.code).collect::<Vec<_>>(),
                    [n.code],
                    "{term}"
                );
                assert_eq!(by_name(term).map(|b| b.code), Some(n.code), "{term}");
            }
        }
    }

    #[test]
    fn organisations_pronouns_and_geography_name_no_nation() {
        for text in [
            "a covert AUKUS Pillar II initiative",
            "let us go",
            "NATO and ESA met",
            "patrols in the Gulf of Guinea",
            "oil from the Niger Delta",
            "the Norwegian Sea",
            "navies in Latin America and North America",
        ] {
            assert!(mentions(text).is_empty(), "{text}: {:?}", mentions(text));
        }
    }

    #[test]
    fn possessives_demonyms_and_the_longest_name_count() {
        let codes = |t: &str| mentions(t).iter().map(|m| m.code).collect::<Vec<_>>();
        assert_eq!(codes("the UK’s Chief of the Air Staff"), ["GB"]);
        assert_eq!(codes("the U.S.'s allies"), ["US"]);
        assert_eq!(codes("British officials"), ["GB"]);
        assert_eq!(
            codes("Equatorial Guinea and Papua New Guinea"),
            ["GQ", "PG"]
        );
        assert_eq!(codes("Türkiye, or Turkey"), ["TR", "TR"]);
        assert!(mentions("Georgia").iter().all(|m| m.ambiguous));
    }
}
