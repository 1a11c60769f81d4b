// Icarus's $fopenr, $fopenw and $fopena: $fopen with the mode "r", "w" or "a" (a file
// descriptor, never a multichannel descriptor). Writes a file, appends to it, reads it back
// with $fgets and $fscanf; a missing file opens as 0.
module file_fopen_rwa;
  integer fd, r, a, b;
  reg [8*40:1] line;
  reg [8*16:1] word;

  initial begin
    fd = $fopenw("rwa.txt");
    $display("fopenw fd=%h", fd);
    $fdisplay(fd, "first line");
    $fdisplay(fd, "%0d %0d", 12, 34);
    $fclose(fd);
    fd = $fopena("rwa.txt");
    $display("fopena fd=%h", fd);
    $fdisplay(fd, "appended %h", 8'hc3);
    $fclose(fd);
    fd = $fopenr("rwa.txt");
    $display("fopenr fd=%h", fd);
    r = $fgets(line, fd);
    $display("fgets %0d: %0s", r, line);
    r = $fscanf(fd, "%d %d", a, b);
    $display("fscanf %0d: a=%0d b=%0d", r, a, b);
    r = $fscanf(fd, "%s", word);
    $display("fscanf %0d: %0s", r, word);
    r = $fscanf(fd, "%h", a);
    $display("fscanf %0d: %h", r, a);
    r = $fscanf(fd, "%d", a);
    $display("fscanf at end %0d eof=%0d", r, $feof(fd));
    $fclose(fd);
    fd = $fopenw("rwa.txt");
    $fwrite(fd, "truncated\n");
    $fclose(fd);
    fd = $fopenr("rwa.txt");
    r = $fgets(line, fd);
    $display("after fopenw again: %0s", line);
    r = $fgets(line, fd);
    $display("then fgets %0d", r);
    $fclose(fd);
    fd = $fopenr("no_such_file.txt");
    $display("missing file fd=%0d", fd);
    $finish;
  end
endmodule
