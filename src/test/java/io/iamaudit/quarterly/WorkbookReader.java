package io.iamaudit.quarterly;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Reads a produced quarterly workbook back with POI: cells by header, rows by their first cell. */
final class WorkbookReader implements AutoCloseable {
    private static final DataFormatter FORMAT = new DataFormatter();
    final XSSFWorkbook workbook;

    WorkbookReader(InputStream in) {
        try (in) {
            workbook = new XSSFWorkbook(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    XSSFSheet sheet(String name) {
        XSSFSheet sheet = workbook.getSheet(name);
        if (sheet == null) {
            throw new AssertionError("no sheet '" + name + "'");
        }
        return sheet;
    }

    List<String> headers(String sheet) {
        List<String> headers = new ArrayList<>();
        sheet(sheet).getRow(0).forEach(c -> headers.add(c.getStringCellValue()));
        return headers;
    }

    /** The data row whose first cell is {@code key}. */
    Row row(String sheet, String key) {
        XSSFSheet s = sheet(sheet);
        for (int r = 1; r <= s.getLastRowNum(); r++) {
            Row row = s.getRow(r);
            if (row != null && row.getCell(0) != null && key.equals(FORMAT.formatCellValue(row.getCell(0)))) {
                return row;
            }
        }
        throw new AssertionError("no row '" + key + "' in " + sheet);
    }

    Cell cell(String sheet, String key, String header) {
        int column = headers(sheet).indexOf(header);
        if (column < 0) {
            throw new AssertionError("no column '" + header + "' in " + sheet);
        }
        return row(sheet, key).getCell(column);
    }

    String text(String sheet, String key, String header) {
        Cell cell = cell(sheet, key, header);
        return cell == null ? null : cell.getStringCellValue();
    }

    /** A numeric cell's value; fails on text, so a number written as text is caught. */
    Long number(String sheet, String key, String header) {
        Cell cell = cell(sheet, key, header);
        if (cell == null || cell.getCellType() == CellType.BLANK) {
            return null;
        }
        return (long) cell.getNumericCellValue();
    }

    LocalDate date(String sheet, String key, String header) {
        Cell cell = cell(sheet, key, header);
        if (cell == null || cell.getCellType() == CellType.BLANK) {
            return null;
        }
        return cell.getLocalDateTimeCellValue().toLocalDate();
    }

    int dataRows(String sheet) {
        return sheet(sheet).getLastRowNum();
    }

    /** Summary: the row whose first cell is {@code label}, searched from the top (labels are unique). */
    Row summaryRow(String label) {
        XSSFSheet s = sheet("Summary");
        for (int r = 0; r <= s.getLastRowNum(); r++) {
            Row row = s.getRow(r);
            if (row != null && row.getCell(0) != null && label.equals(FORMAT.formatCellValue(row.getCell(0)))) {
                return row;
            }
        }
        throw new AssertionError("no Summary row '" + label + "'");
    }

    @Override
    public void close() throws IOException {
        workbook.close();
    }
}
