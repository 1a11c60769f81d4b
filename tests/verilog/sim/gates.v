module top;
  reg a, b, c;
  wire y_and, y_or, y_nand, y_xor, y_not, y_buf, y_nor3;
  and g1(y_and, a, b);
  or g2(y_or, a, b);
  nand g3(y_nand, a, b);
  xor g4(y_xor, a, b);
  not g5(y_not, a);
  buf g6(y_buf, c);
  nor g7(y_nor3, a, b, c);
  integer i;
  initial begin
    c = 1'bz;
    for (i = 0; i < 4; i = i + 1) begin
      {a, b} = i;
      #1 $display("%b%b: and=%b or=%b nand=%b xor=%b not=%b buf=%b nor3=%b", a, b, y_and, y_or,
                  y_nand, y_xor, y_not, y_buf, y_nor3);
    end
  end
endmodule
