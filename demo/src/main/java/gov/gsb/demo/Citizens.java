package gov.gsb.demo;

import gov.gsb.sample.civilregistry.Address;
import gov.gsb.schemas.Samples;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The demo's fixed population, made from the seed: the same seed gives the same people. Each
 * citizen has a (fictional) citizen id, the pseudonym the single window knows them by, a home, a
 * utilities customer number, the device they use and an IP address from the ranges reserved for
 * documentation (RFC 5737), so no real person or network appears in the demo's data.
 */
final class Citizens {

    /** A town of the demo and its streets and postal codes; the postal codes are the only ones that exist. */
    record Place(String city, String municipalityCode, List<String> streets, List<String> postalCodes) {
    }

    /** One citizen. */
    record Citizen(String id, String pseudonym, Address home, String customerId, String device, String clientIp) {
    }

    static final List<Place> PLACES = List.of(
            new Place("Rivertown", "0363", List.of("Main Street", "Canal Walk", "Mill Lane", "Church Square"),
                    List.of("1011 AB", "1012 CD", "1013 EF")),
            new Place("Hilltown", "0344", List.of("Station Road", "Oak Avenue", "Castle Hill"),
                    List.of("3511 CE", "3512 GH", "3513 JK")),
            new Place("Seaview", "0518", List.of("Harbour Quay", "Dune Road", "Lighthouse Lane"),
                    List.of("2511 LM", "2512 NP")),
            new Place("Lakeside", "0599", List.of("Shore Road", "Willow Crescent", "Boathouse Row"),
                    List.of("3011 RS", "3012 TV")),
            new Place("Greenfield", "0772", List.of("Market Street", "Orchard Way", "Meadow Lane", "School Street"),
                    List.of("5611 WX", "5612 YZ")));

    /** Every postal code that exists: the civil registry refuses any other. */
    static final Set<String> POSTAL_CODES = PLACES.stream().flatMap(p -> p.postalCodes().stream())
            .collect(Collectors.toUnmodifiableSet());

    /** What citizens use: browsers, the single window's app, a kiosk at the town hall. */
    static final List<String> DEVICES = List.of(
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/138.0.0.0 Safari/537.36",
            "Mozilla/5.0 (iPhone; CPU iPhone OS 18_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) "
                    + "Version/18.5 Mobile/15E148 Safari/604.1",
            "Mozilla/5.0 (X11; Linux x86_64; rv:140.0) Gecko/20100101 Firefox/140.0",
            "GSB single window/2.1 (Android 15)",
            "GSB single window/2.1 (iOS 18.5)",
            "kiosk-0042 (Hilltown town hall)");

    /** The IPv4 ranges reserved for documentation (TEST-NET-1, -2 and -3). */
    static final List<String> DOCUMENTATION_NETS = List.of("192.0.2.", "198.51.100.", "203.0.113.");

    private final List<Citizen> all;
    private final Map<String, Citizen> byId;

    /**
     * @param random the seeded source of every choice
     * @param size how many citizens
     */
    Citizens(Random random, int size) {
        List<Citizen> made = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        while (made.size() < size) {
            String id = citizenId(random);
            if (ids.add(id)) {
                made.add(new Citizen(id, String.format(Locale.ROOT, "p-%016x", random.nextLong()), address(random),
                        String.format(Locale.ROOT, "C-%07d", random.nextInt(10_000_000)),
                        DEVICES.get(random.nextInt(DEVICES.size())),
                        DOCUMENTATION_NETS.get(random.nextInt(DOCUMENTATION_NETS.size())) + (1 + random.nextInt(254))));
            }
        }
        this.all = List.copyOf(made);
        this.byId = all.stream().collect(Collectors.toUnmodifiableMap(Citizen::id, Function.identity()));
    }

    /** @return every citizen */
    List<Citizen> all() {
        return all;
    }

    /** @param random the source @return one citizen, uniformly */
    Citizen pick(Random random) {
        return all.get(random.nextInt(all.size()));
    }

    /** @param citizenId an id @return the citizen with that id, or null */
    Citizen byId(String citizenId) {
        return byId.get(citizenId);
    }

    /** @param random the source @return an existing address of one of the places */
    static Address address(Random random) {
        Place place = PLACES.get(random.nextInt(PLACES.size()));
        String number = (1 + random.nextInt(180)) + (random.nextInt(8) == 0 ? "a" : "");
        return Samples.address(place.streets().get(random.nextInt(place.streets().size())), number,
                place.postalCodes().get(random.nextInt(place.postalCodes().size())), place.city(), place.municipalityCode());
    }

    /** @param random the source @return a well-formed postal code that no place has (a citizen's typo) */
    static String unknownPostalCode(Random random) {
        while (true) {
            String code = String.format(Locale.ROOT, "%04d %c%c", 1000 + random.nextInt(9000),
                    (char) ('A' + random.nextInt(26)), (char) ('A' + random.nextInt(26)));
            if (!POSTAL_CODES.contains(code)) {
                return code;
            }
        }
    }

    /**
     * A fictional citizen id: nine digits starting 9999, so that it stands out, with the check
     * digit real ids carry (the weighted sum 9..2 of the first eight minus the ninth is a multiple of 11).
     */
    private static String citizenId(Random random) {
        while (true) {
            int[] d = {9, 9, 9, 9, random.nextInt(10), random.nextInt(10), random.nextInt(10), random.nextInt(10), 0};
            int sum = 0;
            for (int i = 0; i < 8; i++) {
                sum += (9 - i) * d[i];
            }
            int check = sum % 11;
            if (check < 10) {
                d[8] = check;
                StringBuilder id = new StringBuilder();
                for (int digit : d) {
                    id.append(digit);
                }
                return id.toString();
            }
        }
    }
}
