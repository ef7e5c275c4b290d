// Word lists for the entity tagger's gazetteer and word-class features: general world knowledge, not any article's wording.
// Lists are kept compact as strings: single words separated by spaces, phrases separated by commas.

const words = (list: string): ReadonlySet<string> => new Set(list.split(/\s+/).filter(Boolean));
const phrases = (list: string): string[] => list.split(',').map((p) => p.trim()).filter(Boolean);
/** Adds the plural of demonyms that take one ("Syrian" → "Syrians", "Iraqi" → "Iraqis"; not "British", "Swiss"). */
const withPlurals = (list: string[]): string[] =>
  list.flatMap((d) => (/(?:s|sh|ch|ese|x|y|z|ic)$/.test(d) ? [d] : [d, `${d}s`]));

export const COUNTRIES = phrases(`
  Afghanistan, Albania, Algeria, Andorra, Angola, Antigua and Barbuda, Argentina, Armenia, Australia, Austria,
  Azerbaijan, Bahamas, Bahrain, Bangladesh, Barbados, Belarus, Belgium, Belize, Benin, Bhutan, Bolivia, Bosnia,
  Bosnia and Herzegovina, Botswana, Brazil, Brunei, Bulgaria, Burkina Faso, Burundi, Cambodia, Cameroon, Canada,
  Cape Verde, Central African Republic, Chad, Chile, China, Colombia, Comoros, Congo, Republic of Congo,
  Democratic Republic of Congo, Democratic Republic of the Congo, Costa Rica, Ivory Coast, Croatia, Cuba, Cyprus,
  Czech Republic, Czechia, Denmark, Djibouti, Dominica, Dominican Republic, East Timor, Timor-Leste, Ecuador, Egypt,
  El Salvador, Equatorial Guinea, Eritrea, Estonia, Eswatini, Swaziland, Ethiopia, Fiji, Finland, France, Gabon, Gambia,
  Georgia, Germany, Ghana, Greece, Grenada, Guatemala, Guinea, Guinea-Bissau, Guyana, Haiti, Honduras, Hungary, Iceland,
  India, Indonesia, Iran, Iraq, Ireland, Israel, Italy, Jamaica, Japan, Jordan, Kazakhstan, Kenya, Kiribati, Kosovo,
  Kuwait, Kyrgyzstan, Laos, Latvia, Lebanon, Lesotho, Liberia, Libya, Liechtenstein, Lithuania, Luxembourg, Madagascar,
  Malawi, Malaysia, Maldives, Mali, Malta, Marshall Islands, Mauritania, Mauritius, Mexico, Micronesia, Moldova, Monaco,
  Mongolia, Montenegro, Morocco, Mozambique, Myanmar, Burma, Namibia, Nauru, Nepal, Netherlands, Holland, New Zealand,
  Nicaragua, Niger, Nigeria, North Korea, North Macedonia, Macedonia, Norway, Oman, Pakistan, Palau, Palestine, Panama,
  Papua New Guinea, Paraguay, Peru, Philippines, Poland, Portugal, Qatar, Romania, Russia, Russian Federation, Rwanda,
  Saint Lucia, Samoa, San Marino, Saudi Arabia, Senegal, Serbia, Seychelles, Sierra Leone, Singapore, Slovakia,
  Slovenia, Solomon Islands, Somalia, South Africa, South Korea, South Sudan, Spain, Sri Lanka, Sudan, Suriname, Sweden,
  Switzerland, Syria, Taiwan, Tajikistan, Tanzania, Thailand, Togo, Tonga, Trinidad and Tobago, Tunisia, Turkey,
  Turkmenistan, Tuvalu, Uganda, Ukraine, United Arab Emirates, UAE, United Kingdom, UK, U.K., Britain, Great Britain,
  England, Scotland, Wales, Northern Ireland, United States, United States of America, US, U.S., USA, U.S.A., America,
  Uruguay, Uzbekistan, Vanuatu, Vatican, Venezuela, Vietnam, Yemen, Zambia, Zimbabwe, Korea, Hong Kong, Greenland,
  Puerto Rico, Soviet Union, USSR, Yugoslavia, Czechoslovakia, West Germany, East Germany, U.S, U.K
`);

export const PLACES = phrases(`
  London, Paris, Berlin, Madrid, Rome, Lisbon, Dublin, Brussels, Amsterdam, Rotterdam, The Hague, Vienna, Prague,
  Warsaw, Budapest, Bucharest, Sofia, Athens, Belgrade, Zagreb, Ljubljana, Sarajevo, Tirana, Skopje, Kiev, Kyiv, Minsk,
  Moscow, St Petersburg, St. Petersburg, Saint Petersburg, Riga, Tallinn, Vilnius, Helsinki, Stockholm, Oslo,
  Copenhagen, Reykjavik, Bern, Geneva, Zurich, Lausanne, Davos, Munich, Frankfurt, Hamburg, Cologne, Bonn, Milan,
  Naples, Venice, Florence, Turin, Barcelona, Seville, Valencia, Marseille, Lyon, Strasbourg, Luxembourg City,
  Manchester, Liverpool, Birmingham, Leeds, Glasgow, Edinburgh, Cardiff, Belfast, Bristol, Newcastle, Sheffield,
  Nottingham, Oxford, Cambridge, Westminster, Whitehall, Sunderland, Durham, Middlesbrough, Leicester, Southampton,
  Portsmouth, Brighton, Plymouth, Norwich, York, Coventry, Derby, Hull, Bradford, Swansea, Aberdeen, Dundee, Inverness,
  Exeter, Cheltenham, Blackpool, Blackburn, Bolton, Wigan, Preston, Ipswich, Colchester, Luton, Watford, Gloucester,
  Worcester, Canterbury, Dover, Salisbury, Winchester, Istanbul, Ankara, Izmir, Antalya, Gaziantep, Kilis, Diyarbakir,
  Damascus, Aleppo, Homs, Hama, Idlib, Latakia, Tartus, Raqqa, Deir ez-Zor, Palmyra, Kobani, Manbij, Jarablus, Daraa,
  Douma, Daraya, Ghouta, Dabiq, Qamishli, Hasakah, Baghdad, Mosul, Basra, Irbil, Erbil, Kirkuk, Fallujah, Ramadi,
  Tikrit, Najaf, Karbala, Sulaimaniyah, Beirut, Tripoli, Benghazi, Sirte, Amman, Jerusalem, Tel Aviv, Gaza, West Bank,
  Ramallah, Cairo, Alexandria, Riyadh, Jeddah, Mecca, Medina, Doha, Dubai, Abu Dhabi, Muscat, Manama, Kuwait City,
  Sanaa, Aden, Tehran, Isfahan, Kabul, Kandahar, Islamabad, Karachi, Lahore, Delhi, New Delhi, Mumbai, Kolkata, Chennai,
  Bangalore, Dhaka, Kathmandu, Colombo, Beijing, Shanghai, Hangzhou, Guangzhou, Shenzhen, Wuhan, Chengdu, Tianjin,
  Taipei, Tokyo, Osaka, Kyoto, Hiroshima, Seoul, Pyongyang, Bangkok, Hanoi, Ho Chi Minh City, Manila, Jakarta,
  Kuala Lumpur, Sydney, Melbourne, Canberra, Auckland, Wellington, Washington, New York, Los Angeles, Chicago, Houston,
  Boston, San Francisco, Miami, Seattle, Atlanta, Dallas, Detroit, Philadelphia, Las Vegas, Ottawa, Toronto, Montreal,
  Vancouver, Mexico City, Havana, Caracas, Bogota, Lima, Santiago, Buenos Aires, Sao Paulo, São Paulo, Rio de Janeiro,
  Brasilia, Nairobi, Lagos, Abuja, Johannesburg, Cape Town, Pretoria, Addis Ababa, Khartoum, Mogadishu, Kinshasa, Dakar,
  Accra, Algiers, Tunis, Rabat, Casablanca, Harare, Kampala, Kigali, Tbilisi, Yerevan, Baku, Astana, Tashkent, Grozny,
  Sochi, Sevastopol, Donetsk, Luhansk, Kharkiv, Odessa, Europe, Asia, Africa, North America, South America,
  Latin America, Central America, Middle East, Far East, Persian Gulf, Balkans, Caucasus, Scandinavia, Siberia,
  Kurdistan, Kashmir, Tibet, Xinjiang, Chechnya, Crimea, Donbas, Darfur, Sinai, Golan Heights, Gulf, Mediterranean,
  Atlantic, Pacific, Arctic, Antarctica, Caribbean, Sahel, Sahara, Levant, Eurasia, Baltic, Black Sea, Red Sea,
  Caspian Sea, Euphrates, Tigris, Nile, Suez Canal, Strait of Hormuz, Silicon Valley, Alabama, Alaska, Arizona,
  Arkansas, California, Colorado, Connecticut, Delaware, Florida, Hawaii, Idaho, Illinois, Indiana, Iowa, Kansas,
  Kentucky, Louisiana, Maine, Maryland, Massachusetts, Michigan, Minnesota, Mississippi, Missouri, Montana, Nebraska,
  Nevada, New Hampshire, New Jersey, New Mexico, North Carolina, North Dakota, Ohio, Oklahoma, Oregon, Pennsylvania,
  Rhode Island, South Carolina, South Dakota, Tennessee, Texas, Utah, Vermont, Virginia, West Virginia, Wisconsin,
  Wyoming, Ala, Ariz, Ark, Calif, Colo, Conn, Fla, Kan, Ky, Md, Mich, Minn, Mont, Neb, Nev, Okla, Ore, Tenn, Tex, Vt,
  Wis, Wyo, Ontario, Quebec, Bavaria, Catalonia, Flanders, Wallonia, Yorkshire, Cornwall, Midlands, West End, Hollywood,
  Wimbledon
`);

/** Holidays and recurring events named without a head word. */
export const EVENTS = phrases(`
  Christmas, Easter, Ramadan, Eid, Hanukkah, Thanksgiving, Halloween, Diwali, New Year, Super Bowl, Grand Slam,
  Olympics, Oscars, Baftas, Grammys, Emmys
`);

export const DEMONYMS = withPlurals(phrases(`
  Afghan, Albanian, Algerian, American, Angolan, Argentine, Argentinian, Armenian, Australian, Austrian, Azerbaijani,
  Azeri, Bahraini, Bangladeshi, Belarusian, Belgian, Bolivian, Bosnian, Brazilian, British, Briton, Brits, Bulgarian,
  Burmese, Cambodian, Cameroonian, Canadian, Chilean, Chinese, Colombian, Congolese, Croatian, Cuban, Cypriot, Czech,
  Danish, Dutch, Egyptian, Emirati, English, Eritrean, Estonian, Ethiopian, European, Filipino, Finnish, French,
  Georgian, German, Ghanaian, Greek, Guatemalan, Haitian, Hungarian, Icelandic, Indian, Indonesian, Iranian, Iraqi,
  Irish, Israeli, Italian, Jamaican, Japanese, Jordanian, Kazakh, Kenyan, Korean, North Korean, South Korean, Kosovar,
  Kurdish, Kurd, Kuwaiti, Kyrgyz, Latvian, Lebanese, Liberian, Libyan, Lithuanian, Macedonian, Malaysian, Malian,
  Maltese, Mexican, Moldovan, Mongolian, Montenegrin, Moroccan, Nepalese, Nepali, New Zealander, Nigerian, Norwegian,
  Omani, Pakistani, Palestinian, Panamanian, Peruvian, Polish, Portuguese, Qatari, Romanian, Russian, Rwandan, Saudi,
  Scottish, Scot, Senegalese, Serbian, Serb, Singaporean, Slovak, Slovenian, Somali, South African, Spanish, Sri Lankan,
  Sudanese, Swedish, Swiss, Syrian, Taiwanese, Tajik, Thai, Tunisian, Turkish, Turk, Turkmen, Ugandan, Ukrainian, Uzbek,
  Venezuelan, Vietnamese, Welsh, Yemeni, Zimbabwean, Philippine, Yugoslav, West German, East German, Soviet, Arab,
  Arabic, Persian, Hebrew, Urdu, Hindi, Mandarin, Latin, Western, Westerners, Asian, African, Latino, Muslim, Christian,
  Jew, Jewish, Sunni, Shia, Shiite, Alawite, Druze, Yazidi, Catholic, Protestant, Orthodox, Hindu, Sikh, Buddhist,
  Islamic, Islamist, Democratic, Republican, Democrat, Liberal Democrat, Lib Dem, Conservative, Tory, Communist,
  Socialist, Marxist, Nazi, Olympic, Spaniard, Frenchman, Englishman, Scotsman, Welshman, Irishman, Dutchman
`));

export const ORGANIZATIONS = phrases(`
  United Nations, UN, U.N., European Union, EU, E.U., European Commission, European Parliament, NATO, Nato,
  European Community, Organisation for Economic Cooperation and Development,
  Organization for Economic Cooperation and Development, Federal Reserve, Fed, Bundesbank, World Bank,
  International Monetary Fund, IMF, World Health Organization, WTO, OPEC, Opec, OECD, G7, G8, G20, African Union,
  Arab League, ASEAN, Red Cross, Red Crescent, ICRC, Amnesty International, Human Rights Watch,
  Medecins Sans Frontieres, Médecins Sans Frontières, MSF, Doctors Without Borders, Oxfam, Save the Children, UNICEF,
  Unicef, UNHCR, UNESCO, WFP, OCHA, IAEA, Interpol, Europol, FBI, CIA, NSA, KGB, FSB, MI5, MI6, Mossad, Pentagon,
  Kremlin, White House, Downing Street, Elysee, Congress, Senate, House of Representatives, Duma, State Duma, Bundestag,
  Knesset, Commons, House of Commons, Lords, House of Lords, Supreme Court, Labour, Conservatives, Tories,
  Liberal Democrats, Lib Dems, SNP, UKIP, Democrats, Republicans, GOP, Hamas, Hezbollah, Hizbollah, Fatah, Taliban,
  al-Qaeda, al-Qaida, Al-Qaeda, Al Qaeda, al Qaeda, Islamic State, ISIS, ISIL, Daesh, Boko Haram, al-Shabab, Al-Shabaab,
  Jabhat al-Nusra, Jabhat Fatah al-Sham, Jabhat Fatah al Sham, Ahrar al-Sham, Hayat Tahrir al-Sham, YPG, PKK, SDF,
  Peshmerga, Muslim Brotherhood, Reuters, AFP, AP, Associated Press, Agence France-Presse, dpa, DPA, ANI, PTI, Xinhua,
  Tass, TASS, RIA Novosti, Interfax, Al Jazeera, Al-Jazeera, Al Arabiya, BBC, CNN, NBC, CBS, ABC, MSNBC, NPR, PBS, ITV,
  The Times, The New York Times, The Washington Post, The Guardian, The Independent, The Telegraph, The Economist,
  The Wall Street Journal, Bloomberg, Google, Apple, Microsoft, Amazon, Facebook, Twitter, YouTube, Samsung, Sony,
  Toyota, Volkswagen, BMW, Boeing, Airbus, ExxonMobil, Gazprom, Rosneft, Aramco, HSBC, Barclays, Goldman Sachs,
  JP Morgan, Morgan Stanley, Citigroup, IBM, Intel, Nokia, Vodafone, Yahoo, eBay, Netflix, Uber, Tesla, Walmart, Nissan,
  Honda, Renault, Siemens, Ryanair, EasyJet, Lufthansa, Real Madrid, Bayern Munich, Inter Milan, AC Milan, New Labour,
  FIFA, UEFA, IOC, NASA, NHS, WikiLeaks, Greenpeace, Ofcom, Ofsted
`);

// Common given names, with transliteration variants.
export const GIVEN_NAMES = words(`
  Aaron Abdul Abdel Abdullah Abu Adam Adrian Ahmad Ahmed Ahmet Aisha Alan Albert Alberto Aleksandr Aleksei Alex
  Alexander Alexandr Alexandra Alexei Alexey Alexis Ali Alice Alicia Alison Amal Amanda Amir Amy Anatoly Anders Andre
  Andrea Andreas Andrei Andrew Andrey Andy Angela Angelo Anita Ann Anna Anne Anthony Antonio Anwar Arnold Arseniy Arthur
  Ashley Astrid Ayman Barack Barbara Bashar Ben Benjamin Bernard Bernie Beth Betty Bill Binali Bob Boris Brad Brandon
  Brian Bruce Carl Carla Carlos Carol Caroline Catherine Charles Charlie Chris Christine Christopher Claire Claude Colin
  Craig Dan Daniel Daniela Danny Darren David Dean Deborah Denis Dennis Diana Diane Dmitri Dmitriy Dmitry Donald Doris
  Douglas Ed Eduardo Edward Ekaterina Elena Elizabeth Ellen Emily Emma Emmanuel Enrique Eric Erik Ernest Eva Evgeny Fadi
  Faisal Fatima Felipe Fernando Francesco Francis Francisco Francois François Frank Franz Fred Frederick Gary Gennady
  George Georgi Gerald Gerhard Giorgio Giovanni Giuseppe Gordon Graham Greg Gregory Grigory Gustav Hafez Haider Haidar
  Hakan Hamad Hamid Hamza Hans Harold Harry Hassan Heather Heinrich Helen Helmut Henry Hillary Howard Hugh Hussein Ian
  Ibrahim Igor Ilya Ingrid Irina Isaac Ivan Jack Jacob Jacques James Jamal Jan Jane Janet Jason Javier Jean Jeff Jeffrey
  Jennifer Jens Jeremy Jerry Jessica Jim Joachim Joan Joe Johan Johann John Jonathan Jorge Jose José Joseph Josh Joshua
  Juan Judith Julia Julian Julie Jurgen Jürgen Justin Karen Karim Karin Karl Kate Katherine Kathleen Keith Kelly Ken
  Kenneth Kevin Khaled Khalid Kim Klaus Konstantin Ksenia Kurt Lars Laura Laurent Layla Leila Leo Leon Leonid Linda Lisa
  Louis Louise Lucy Luis Luke Magnus Mahmoud Maksim Malcolm Manuel Marco Marcus Margaret Maria Marie Marina Mario Mark
  Martin Mary Masoud Massoud Matt Matthew Maxim Mehmet Melissa Mevlut Michael Michel Michelle Miguel Mike Mikhail
  Mohamed Mohammad Mohammed Muhammad Mustafa Nabil Nadia Nancy Nasser Natalia Natalya Nathan Neil Nick Nicholas Nicola
  Nicolas Nigel Nikolai Nikolay Nils Nina Noah Nouri Nuri Olaf Oleg Olga Oliver Olivia Omar Oscar Owen Pablo Patricia
  Patrick Paul Paula Pavel Pedro Per Peter Petr Petro Philip Philippe Pierre Pyotr Rachel Rafael Rainer Ralph Rami
  Ramzan Rania Raul Raymond Recep Rebecca Richard Riad Riyad Robert Roberto Robin Roger Ronald Rose Ruslan Ruth Ryan
  Saad Salim Salman Sam Samantha Samir Samuel Sandra Sara Sarah Scott Sean Sebastian Sergei Sergey Sergio Sharon Simon
  Sophie Stacy Staffan Stefan Stephan Stephen Steve Steven Stuart Susan Sven Svetlana Tamim Tanya Tariq Tatiana Tatyana
  Teresa Theresa Thomas Tim Timothy Tina Todd Tom Tommy Tony Valerie Valery Vasily Victor Victoria Viktor Vincent Vitaly
  Vladimir Volodymyr Walid Walter Wayne William Wolfgang Xavier Yasser Yelena Yevgeny Youssef Yuri Yury Yusuf Zainab
  Ziad Zoe
`);

// Titles and the words of titles; they precede a name but are not part of it ("Foreign Minister Sergei Lavrov").
export const TITLES = words(`
  President Presidents President-elect Vice Prime Premier Minister Ministers Secretary Secretaries Secretary-General
  Chancellor Senator Senators Sen Sen. Rep Rep. Representative Congressman Congresswoman Governor Gov Gov. Mayor
  Chairman Chairwoman Director Commissioner Ambassador Envoy Special Foreign Defence Defense Interior Home Finance
  Justice Health Trade Industry Education Environment Treasury Exchequer State Affairs Deputy Acting Chief Senior
  Executive High Supreme General Gen Gen. Lt Lt. Lieutenant Colonel Col Col. Major Maj Maj. Captain Capt Capt. Sergeant
  Sgt Sgt. Admiral Adm Adm. Commander Marshal Brigadier King Queen Prince Princess Emperor Sheikh Sheik Emir Amir Sultan
  Crown Pope Cardinal Archbishop Bishop Rabbi Imam Ayatollah Mufti Reverend Rev Rev. Judge Attorney Prosecutor Mr Mr.
  Mrs Mrs. Ms Ms. Miss Dr Dr. Prof Prof. Professor Sir Dame Lord Lady Baroness Spokesman Spokeswoman Spokesperson
  Correspondent Editor Coach Leader Speaker Shadow
`);



/** Last words of organization names ("Free Syrian Army", "State Department"). */
export const ORG_HEADS = words(`
  Ministry Department Office Council Army Front Group Union Nations Observatory Committee Commission Party Bank Agency
  Organization Organisation Association Institute Institution University College School Academy Company Corporation Corp
  Corp. Inc Inc. Ltd Ltd. plc PLC LLC Co Co. AG SA GmbH Holdings Industries Airlines Airways Motors Technologies Systems
  Foundation Fund Trust Society Federation League Alliance Coalition Movement Brigade Brigades Battalion Division Corps
  Force Forces Guard Police Service Services Authority Administration Assembly Parliament Congress Senate Court Tribunal
  Board Bureau Centre Center Network Times Post Journal News Herald Tribune Gazette Telegraph Chronicle Press
  Broadcasting Television Radio Watch Brotherhood Chamber Chambers Bros United Securities International Community Air
  Club FC Church Mission Programme Secretariat Cabinet Government Exchange Reserve House Hospital Museum Gallery Studios
  Records Media Energy Petroleum Telecom Communications Partners Capital Insurance Engineering Construction Logistics
  Shipping Solutions Laboratories Labs Pharmaceuticals Enterprises Ventures Electric Steel Mining Resources Foods
`);


export const LOCATION_HEADS = words(`
  City River Sea Ocean Lake Mountains Hills Heights Island Islands Valley Bay Gulf Strait Desert Peninsula Province
  County District Region Governorate Street Road Avenue Square Airport Canal Coast Plain Plateau Basin Stadium Dam
  Bridge Reservoir Harbour Harbor Tower Station Park Forest Falls Range Mountain Canyon Glacier Crossing Pass
`);
export const LOCATION_LEADS = words('Mount Lake Gulf Bay Cape Isle Fort Port');

export const MISC_HEADS = words(`
  War Wars Cup Games Olympics Championship Championships Prize Award Awards Festival Treaty Accord Accords Act Summit
  Revolution Spring Uprising Election Elections Agreement Century Open Marathon Prix Trophy Expo
`);

/** Lowercase particles inside personal names ("Staffan de Mistura", "Lena van der Berg", "Bashar al-Assad"). */
export const NAME_PARTICLES = words(`
  al el bin ibn bint de da di del della der den van von du des dos das le la ter zu
`);

/** Superlatives a claim of a record turns on, as a pattern's alternatives ("at least" is a quantity, not one). */
export const SUPERLATIVES =
  'largest|biggest|greatest|highest|lowest|worst|best|deadliest|bloodiest|longest|smallest|strongest|fastest|oldest|' +
  'most|(?<!\\bat )least|first';
