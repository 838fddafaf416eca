/**
 * The bus's Avro contracts: {@link gov.gsb.schemas.Contracts} lists them, each with its schema and the Java class
 * generated from it (packages {@code gov.gsb.bus} and {@code gov.gsb.sample.*}).
 */
package gov.gsb.schemas;
