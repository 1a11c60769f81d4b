// Bad descriptors and files: Icarus's warnings with the source location, the standard's
// return values (0 from $fopen, EOF = -1 from reads), and no effect on the simulation.
module file_errors;
  integer fd, r, c;
  reg [8*16:1] s;
  initial begin
    fd = $fopen("data/missing_file.txt", "r");
    $display("missing fd=%0d", fd);
    fd = $fopen("closed.txt", "w");
    $fclose(fd);
    $fdisplay(fd, "into a closed file");
    $fwrite(fd, "into a closed file");
    c = $fgetc(fd);
    $display("fgetc=%0d", c);
    r = $fgets(s, fd);
    $display("fgets=%0d", r);
    r = $ftell(fd);
    $display("ftell=%0d", r);
    r = $fseek(fd, 0, 0);
    $display("fseek=%0d", r);
    r = $ungetc(65, fd);
    $display("ungetc=%0d", r);
    c = $fgetc(32'h8000_0040);
    $display("fgetc=%0d", c);
    $fclose(fd);
    $display("done");
  end
endmodule
